import { getReadyDb } from "@/lib/db/ready";
import { createPolicy, listPolicies, policyCreateSchema } from "@/lib/delivery/policies";
import { json, parseBody, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

export const GET = route(async () => json(await listPolicies(await getReadyDb())));

export const POST = route(async (req) => {
  const input = await parseBody(req, policyCreateSchema);
  return json(await createPolicy(await getReadyDb(), input), { status: 201 });
});
