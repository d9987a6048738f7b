import type { Db } from "../db/client";
import { checkDatabase, type DatabaseHealth } from "../db/health";
import { localWorker } from "../delivery/worker-runtime";
import type { WorkerReport } from "../delivery/worker-health";
import { listWorkerReports } from "../delivery/worker-heartbeats";
import { logger } from "../log";

export interface HealthReport {
  /** "degraded" when the database does not answer or a worker is stalled. */
  status: "ok" | "degraded";
  database: DatabaseHealth;
  /** Every delivery worker that beat within the last day, on any instance; this process's own with its live verdict. */
  workers: WorkerReport[];
}

/**
 * GET /api/health: the database probe, then the workers' heartbeats. This process's own
 * worker is judged live from memory, so it is reported (stalled, and why) even while the
 * database cannot be read.
 */
export async function healthReport(getDb: () => Promise<Db>, now = Date.now()): Promise<HealthReport> {
  const database = await checkDatabase(getDb);
  let workers: WorkerReport[] = [];
  if (database.ok) {
    try {
      workers = await listWorkerReports(await getDb(), now);
    } catch (err) {
      logger.warn({ err: String(err) }, "worker heartbeats could not be read for the health report");
    }
  }
  const local = localWorker();
  if (local) {
    const own = workers.find((w) => w.id === local.id);
    const live = { ...local.identity, id: local.id, lastBeatAt: own?.lastBeatAt ?? null, ...local.status() };
    workers = [live, ...workers.filter((w) => w.id !== local.id)];
  }
  const status = database.ok && workers.every((w) => w.state === "running") ? "ok" : "degraded";
  return { status, database, workers };
}
