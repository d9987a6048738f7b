// A child process the bench starts: `floor` is a bare node:http server that reads the body
// and answers a small JSON document (the floor a framework sits on); `receiver` is a fast
// webhook receiver that answers 200 at once and counts what it received since the last
// POST /reset (GET /stats, with the first arrival's time). Prints {"port": n} when it listens.
import http from "node:http";
import type { AddressInfo } from "node:net";

const mode = process.argv[2] ?? "floor";
let received = 0;
let firstAt: number | null = null;

const server = http.createServer((req, res) => {
  if (req.method === "GET" && req.url === "/stats") {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ received, firstAt }));
    return;
  }
  if (req.method === "POST" && req.url === "/reset") {
    received = 0;
    firstAt = null;
    res.writeHead(204).end();
    return;
  }
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    received++;
    firstAt ??= Date.now();
    if (mode === "receiver") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.end("ok");
    } else {
      Buffer.concat(chunks);
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify({ ok: true }));
    }
  });
});
server.keepAliveTimeout = 10_000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
