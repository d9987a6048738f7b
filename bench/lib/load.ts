import autocannon from "autocannon";

export interface LoadOptions {
  url: string;
  path: string;
  connections: number;
  /** Seconds; or `amount` requests. */
  durationS?: number;
  amount?: number;
  /** A fresh body per request. */
  body: () => string;
  headers?: Record<string, string>;
}

export interface LoadResult {
  /** Requests answered 2xx per second. */
  rps: number;
  completed: number;
  ok: number;
  durationS: number;
  p50Ms: number;
  p99Ms: number;
  statuses: Record<string, number>;
  errors: number;
  /** Answers carrying Idempotent-Replayed: true. */
  replayed: number;
}

/** Posts JSON bodies with autocannon on keep-alive connections and summarises the answers. */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  let replayed = 0;
  const result = await autocannon({
    url: o.url,
    connections: o.connections,
    pipelining: 1,
    timeout: 30,
    ...(o.amount ? { amount: o.amount } : { duration: o.durationS ?? 5 }),
    requests: [
      {
        method: "POST",
        path: o.path,
        headers: { "content-type": "application/json", ...o.headers },
        setupRequest: (req) => ({ ...req, body: o.body() }),
        onResponse: (_status, _body, _ctx, headers) => {
          if (headers["idempotent-replayed"] === "true") replayed++;
        },
      },
    ],
  });
  const statuses: Record<string, number> = {};
  let completed = 0;
  let ok = 0;
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) {
    statuses[code] = count;
    completed += count;
    if (code.startsWith("2")) ok += count;
  }
  return {
    rps: ok / result.duration,
    completed,
    ok,
    durationS: result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    statuses,
    errors: result.errors + result.timeouts,
    replayed,
  };
}
