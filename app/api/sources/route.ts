import { json, parseBody, route } from "@/lib/http/handler";
import { actorFrom } from "@/lib/auth/actor";
import { sourceStore } from "@/lib/inbound/runtime";
import { createSourceSchema } from "@/lib/inbound/source-schema";
import { createSource, listSources } from "@/lib/inbound/sources";

export const dynamic = "force-dynamic";

/** GET /api/sources: every inbound source, secrets masked. */
export const GET = route(async () => json(await listSources(await sourceStore())));

/** POST /api/sources: creates a source; the answer carries its secret, shown this once. */
export const POST = route(async (req: Request) => {
  const input = await parseBody(req, createSourceSchema);
  return json(await createSource(await sourceStore(), input, actorFrom(req)), { status: 201 });
});
