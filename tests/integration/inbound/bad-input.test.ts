// Bad input through `next start`: a clear 4xx in the one error shape, nothing half-stored,
// and the server still answering the next good event.
import { describe, expect, it } from "vitest";
import { useApp } from "@/tests/support/app-server";
import { testProviders } from "@/tests/support/databases";

const MIB = 1024 * 1024;

/** A body of exactly `bytes` bytes that is valid JSON, so only its size can be refused. */
function jsonOfSize(bytes: number): string {
  const shell = '{"id":"big","pad":""}';
  return `{"id":"big","pad":"${"x".repeat(bytes - shell.length)}"}`;
}

/** A body sent in chunks with no Content-Length, as a chunked upload arrives. */
function streamed(text: string, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunk));
      offset += chunk;
    },
  });
}

describe.each(testProviders())("bad input through next start on %s", (db) => {
  const app = useApp(db);

  const post = async (body: string, contentType: string | null, path = "/api/webhook") => {
    const res = await app.fetch(path, { method: "POST", headers: contentType === null ? {} : { "content-type": contentType }, body });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  const storedCount = () => app.db.prisma.inboundEvent.count();

  async function expectNothingStoredAndStillServing(before: number): Promise<void> {
    expect(await storedCount()).toBe(before);
    const good = await post(JSON.stringify({ id: `good-${Math.random()}` }), "application/json");
    expect(good.status).toBe(200);
  }

  it.each([
    ["invalid JSON", '{"id": "a",', "application/json", 400, "invalid_json"],
    ["an empty body", "", "application/json", 400, "invalid_json"],
    ["a JSON array", '[{"id":"a"}]', "application/json", 400, "bad_request"],
    ["a JSON string", '"hello"', "application/json", 400, "bad_request"],
    ["JSON null", "null", "application/json", 400, "bad_request"],
    ["a text/plain body", '{"id":"a"}', "text/plain", 415, "unsupported_media_type"],
    ["a form body where the preset takes none", "id=a", "application/x-www-form-urlencoded", 415, "unsupported_media_type"],
    ["an unknown charset", '{"id":"a"}', "application/json; charset=klingon", 415, "unsupported_media_type"],
    ["an idempotency key over 255 characters", JSON.stringify({ id: "k".repeat(256) }), "application/json", 400, "bad_request"],
  ])("refuses %s with a clear JSON error", async (_name, body, contentType, status, code) => {
    const before = await storedCount();
    const reply = await post(body, contentType);
    expect(reply.status).toBe(status);
    expect(reply.json).toEqual({ error: { code, message: expect.any(String) } });
    await expectNothingStoredAndStillServing(before);
  });

  it("refuses a body that is not valid UTF-8 when no other charset is declared", async () => {
    const before = await storedCount();
    const res = await app.postWebhook(Buffer.from('{"id":"Zoë"}', "latin1"), { "content-type": "application/json" });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "bad_request", message: "The body is not valid utf-8 text" } });
    await expectNothingStoredAndStillServing(before);
  });

  it("accepts a vendor +json content type with a charset", async () => {
    expect((await post(JSON.stringify({ id: "vendor" }), "application/vnd.acme+json; charset=utf-8")).status).toBe(200);
  });

  it("refuses a body over 1 MiB with 413", async () => {
    const before = await storedCount();
    const reply = await post(jsonOfSize(MIB + 1), "application/json");
    expect(reply.status).toBe(413);
    expect(reply.json).toEqual({ error: { code: "payload_too_large", message: expect.any(String), details: { maxBytes: MIB } } });
    await expectNothingStoredAndStillServing(before);
  });

  it("refuses a streamed body without Content-Length as soon as it passes 1 MiB, and takes one of exactly 1 MiB", async () => {
    const before = await storedCount();
    const chunked = (text: string) => app.fetch("/api/webhook", { method: "POST", headers: { "content-type": "application/json" }, body: streamed(text), duplex: "half" } as RequestInit);
    expect((await chunked(jsonOfSize(2 * MIB))).status).toBe(413);
    await expectNothingStoredAndStillServing(before);
    expect((await chunked(jsonOfSize(MIB))).status).toBe(200);
  });

  it.each([
    ["an unknown source", "/api/webhook/nope", "nope"],
    ["a name that cannot be a source", "/api/webhook/Not%20A%20Source", "Not A Source"],
  ])("answers 404 to %s", async (_name, path, named) => {
    const before = await storedCount();
    const reply = await post('{"id":"a"}', "application/json", path);
    expect(reply.status).toBe(404);
    expect(reply.json).toEqual({ error: { code: "not_found", message: `No inbound source named "${named}"` } });
    await expectNothingStoredAndStillServing(before);
  });
});
