import { getReadyDb } from "@/lib/db/ready";
import { actorFrom, recordAudit } from "@/lib/auth/audit";
import { createPolicy, listPolicies, policyCreateSchema } from "@/lib/delivery/policies";
import { json, parseBody, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = route(async () => json(await listPolicies(await getReadyDb())));

export const POST = route(async (req) => {
  const input = await parseBody(req, policyCreateSchema);
  const db = await getReadyDb();
  const created = await createPolicy(db, input);
  await recordAudit(db, { actor: actorFrom(req), action: "policy.create", targetType: "policy", targetId: created.id, details: input });
  return json(created, { status: 201 });
});
