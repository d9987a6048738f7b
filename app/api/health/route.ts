import { getReadyDb } from "@/lib/db/ready";
import { healthReport } from "@/lib/ops/health-report";

export const dynamic = "force-dynamic";

/** 503 while the database does not answer (take the instance out of rotation); a stalled worker is reported but keeps 200. */
export async function GET(): Promise<Response> {
  const report = await healthReport(getReadyDb);
  return Response.json(report, { status: report.database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
