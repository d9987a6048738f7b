import { auditListQuerySchema, listAudit } from "@/lib/auth/audit";
import { getReadyDb } from "@/lib/db/ready";
import { json, parseQuery, route } from "@/lib/http/handler";

export const dynamic = "force-dynamic";

/** Newest first; `?cursor=<nextCursor>` for the next page, filters by actor, action, targetType, targetId. */
export const GET = route(async (req) => json(await listAudit(await getReadyDb(), parseQuery(req, auditListQuerySchema))));
