// A program that uses the Hookrelay API with a client generated from its OpenAPI document:
// it pages through the pending dead letters, counts them by endpoint and reason, and asks
// (as a dry run) how many a bulk reprocess would take. Paths, parameters and answers are
// typed from examples/api-types.ts, so a change of the API that breaks it fails
// `npm run typecheck`.
//
//   HOOKRELAY_URL=http://localhost:3000 HOOKRELAY_TOKEN=hr_… npx tsx examples/dead-letter-report.ts
import createClient from "openapi-fetch";
import type { paths } from "./api-types";

export interface DeadLetterReport {
  pending: number;
  byEndpoint: Record<string, Record<string, number>>;
  /** What POST /api/dlq/reprocess would take now, with `dryRun: true`. */
  reprocessable: number;
}

export async function deadLetterReport(baseUrl: string, token: string): Promise<DeadLetterReport> {
  const client = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
  const byEndpoint: DeadLetterReport["byEndpoint"] = {};
  let pending = 0;
  let cursor: string | undefined;
  do {
    const { data, error } = await client.GET("/api/dlq", { params: { query: { status: "pending", kind: "delivery", limit: 100, cursor } } });
    if (error) throw new Error(`GET /api/dlq: ${error.error.code}: ${error.error.message}`);
    for (const letter of data.data) {
      const endpoint = (byEndpoint[letter.url ?? "(deleted endpoint)"] ??= {});
      endpoint[letter.reason] = (endpoint[letter.reason] ?? 0) + 1;
      pending++;
    }
    cursor = data.nextCursor ?? undefined;
  } while (cursor);

  const { data, error } = await client.POST("/api/dlq/reprocess", { body: { filter: { kind: "delivery" }, dryRun: true } });
  if (error) throw new Error(`POST /api/dlq/reprocess: ${error.error.code}: ${error.error.message}`);
  if (!data.dryRun) throw new Error("a dry run answered with a job");
  return { pending, byEndpoint, reprocessable: data.matched };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const token = process.env.HOOKRELAY_TOKEN;
  if (!token) throw new Error("Set HOOKRELAY_TOKEN to an API token (Account page, or POST /api/tokens)");
  console.log(JSON.stringify(await deadLetterReport(process.env.HOOKRELAY_URL ?? "http://localhost:3000", token), null, 2));
}
