import { json, parseBody, route } from "@/lib/http/handler";
import { actorFrom, recordAudit } from "@/lib/auth/audit";
import { sourceStore } from "@/lib/inbound/runtime";
import { createSourceSchema } from "@/lib/inbound/source-schema";
import { createSource, listSources } from "@/lib/inbound/sources";

export const dynamic = "force-dynamic";

/** GET /api/sources: every inbound source, secrets masked. */
export const GET = route(async () => json(await listSources(await sourceStore())));

/** POST /api/sources: creates a source; the answer carries its secret, shown this once. */
export const POST = route(async (req: Request) => {
  const input = await parseBody(req, createSourceSchema);
  const store = await sourceStore();
  const created = await createSource(store, input);
  await recordAudit(store.db, { actor: actorFrom(req), action: "source.create", targetType: "source", targetId: created.id, details: { name: created.name, provider: created.provider } });
  return json(created, { status: 201 });
});
