import { describe, expect, it } from "vitest";
import { contractViolation } from "@/tests/support/contract";

const json = (body: unknown, status = 200, contentType = "application/json") => new Response(JSON.stringify(body), { status, headers: { "content-type": contentType } });
const base = "http://127.0.0.1:1";

describe("the API contract check every integration answer goes through", () => {
  it("passes an answer the document describes, and leaves the body for the test to read", async () => {
    const res = json({ ok: true });
    expect(await contractViolation("GET", `${base}/api/ping`, res)).toBeNull();
    expect(await res.json()).toEqual({ ok: true });
  });

  it("names a body, a status or a content type the document does not describe", async () => {
    expect(await contractViolation("GET", `${base}/api/ping`, json({ ok: "yes" }))).toMatch(/GET \/api\/ping \(\/api\/ping\) → 200: \/ok must be boolean/);
    expect(await contractViolation("GET", `${base}/api/ping`, json({ ok: true }, 201))).toMatch(/status not documented/);
    expect(await contractViolation("GET", `${base}/api/ping`, json({ ok: true }, 200, "text/html"))).toMatch(/content type text\/html/);
    expect(await contractViolation("GET", `${base}/api/endpoints/ep_1`, json({ error: "gone" }, 404))).toMatch(/\/api\/endpoints\/\{id\}.*→ 404: \/error must be object/);
  });

  it("leaves alone what is not an operation of the document: pages, unknown paths, a method a route lacks", async () => {
    expect(await contractViolation("GET", `${base}/deliveries`, json({}, 200, "text/html"))).toBeNull();
    expect(await contractViolation("GET", `${base}/api/nope`, json({}, 418))).toBeNull();
    expect(await contractViolation("PUT", `${base}/api/ping`, json({}, 405))).toBeNull();
  });
});
