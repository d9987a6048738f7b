import { actorFrom } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/auth/audit";
import { getReadyDb } from "@/lib/db/ready";
import { json, route } from "@/lib/http/handler";
import { requestLogger } from "@/lib/http/request-log";
import { runCleanup } from "@/lib/ops/cleanup";
import { retentionFromConfig } from "@/lib/ops/retention";

export const dynamic = "force-dynamic";

/** Runs the retention cleanup now (it also runs on a timer) and answers with what it removed. */
export const POST = route(async (req) => {
  const actor = actorFrom(req);
  const db = await getReadyDb();
  const retention = retentionFromConfig();
  const removed = await runCleanup(db, retention);
  await recordAudit(db, { actor, action: "retention.cleanup", targetType: "retention", details: removed });
  requestLogger(req, { actor }).info({ removed }, "retention cleanup run on request");
  return json({ removed, retention });
});
