import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedRequest {
  at: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Wait this long before answering (past the sender's timeout: a hang). */
  delayMs?: number;
  /** Drop the connection without an answer. */
  reset?: boolean;
}

export type Responder = (req: ReceivedRequest, index: number) => Reply;

/** A real HTTP receiver on 127.0.0.1 whose answers a test scripts. */
export class TestReceiver {
  readonly requests: ReceivedRequest[] = [];
  private server: http.Server;
  private inFlightByKey = new Map<string, number>();
  /** The most requests seen in flight at once for one value of the `concurrencyKey` header. */
  maxConcurrentPerKey = 0;

  constructor(
    private responder: Responder = () => ({ status: 200 }),
    private readonly concurrencyKey = "x-hookrelay-delivery-id",
  ) {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const received: ReceivedRequest = { at: Date.now(), headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
        const index = this.requests.push(received) - 1;
        const key = String(req.headers[this.concurrencyKey] ?? "");
        const running = (this.inFlightByKey.get(key) ?? 0) + 1;
        this.inFlightByKey.set(key, running);
        this.maxConcurrentPerKey = Math.max(this.maxConcurrentPerKey, running);
        const reply = this.responder(received, index);
        const finish = () => {
          this.inFlightByKey.set(key, (this.inFlightByKey.get(key) ?? 1) - 1);
          if (reply.reset) {
            req.socket.destroy();
            return;
          }
          if (res.destroyed) return;
          res.writeHead(reply.status ?? 200, { "content-type": "text/plain", ...reply.headers });
          res.end(reply.body ?? "ok");
        };
        if (reply.delayMs) setTimeout(finish, reply.delayMs);
        else finish();
      });
    });
  }

  respondWith(responder: Responder): void {
    this.responder = responder;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return this.url;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Polls until `check` returns a truthy value or the time runs out. */
export async function waitFor<T>(check: () => Promise<T> | T, timeoutMs = 20_000, intervalMs = 25): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
