import { openApiDocument } from "@/lib/contract/openapi";
import { json, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document of this API, generated from the schemas the routes validate with; public, like any API's reference. */
export const GET = route(async () => json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } }));
