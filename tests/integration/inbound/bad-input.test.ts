import { beforeEach, describe, expect, it } from "vitest";
import { receiveWebhook } from "@/lib/inbound/receive-webhook";
import { testProviders, useTestDatabase } from "../../support/databases";
import { countRows, makeDeps, resetInbound, send, type TestDeps } from "./helpers";

const MIB = 1024 * 1024;

/** A body of exactly `bytes` bytes that is valid JSON, so only its size can be refused. */
function jsonOfSize(bytes: number): string {
  const shell = '{"id":"big","pad":""}';
  return `{"id":"big","pad":"${"x".repeat(bytes - shell.length)}"}`;
}

/** A body sent in chunks with no Content-Length, as a chunked upload arrives. */
function streamed(text: string, chunk = 64 * 1024): Request {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(offset, offset + chunk));
      offset += chunk;
    },
  });
  return new Request("http://localhost/api/webhook", { method: "POST", headers: { "content-type": "application/json" }, body, duplex: "half" } as RequestInit);
}

describe.each(testProviders())("bad input on %s", (provider) => {
  const t = useTestDatabase(provider);
  let deps: TestDeps;
  let runs = 0;

  beforeEach(async () => {
    await resetInbound(t.db);
    deps = makeDeps(t.db);
    runs = 0;
    deps.registry.register("*", async () => {
      runs++;
    });
  });

  async function expectNothingStored(): Promise<void> {
    expect(await countRows(t.db)).toEqual({ events: 0, deadLetters: 0, messages: 0 });
    expect(runs).toBe(0);
    // The process is unharmed: the next good event goes through.
    expect((await send(deps, { id: "good" })).status).toBe(200);
    expect(runs).toBe(1);
  }

  it.each([
    ["invalid JSON", '{"id": "a",', "application/json", 400, "invalid_json"],
    ["an empty body", "", "application/json", 400, "invalid_json"],
    ["a JSON array", '[{"id":"a"}]', "application/json", 400, "bad_request"],
    ["a JSON string", '"hello"', "application/json", 400, "bad_request"],
    ["JSON null", "null", "application/json", 400, "bad_request"],
    ["a text/plain body", '{"id":"a"}', "text/plain", 415, "unsupported_media_type"],
    ["a form body", "id=a", "application/x-www-form-urlencoded", 415, "unsupported_media_type"],
    ["no content type", '{"id":"a"}', null, 415, "unsupported_media_type"],
    ["an idempotency key over 255 characters", JSON.stringify({ id: "k".repeat(256) }), "application/json", 400, "bad_request"],
  ])("refuses %s with a clear JSON error", async (_name, body, contentType, status, code) => {
    const reply = await send(deps, body, { contentType });
    expect(reply.status).toBe(status);
    expect(reply.json).toMatchObject({ error: { code, message: expect.any(String) } });
    await expectNothingStored();
  });

  it("accepts a vendor +json content type with a charset", async () => {
    expect((await send(deps, { id: "v" }, { contentType: "application/vnd.acme+json; charset=utf-8" })).status).toBe(200);
  });

  it("refuses a body over 1 MiB with 413", async () => {
    const reply = await send(deps, jsonOfSize(MIB + 1));
    expect(reply.status).toBe(413);
    expect(reply.json).toMatchObject({ error: { code: "payload_too_large", details: { maxBytes: MIB } } });
    await expectNothingStored();
  });

  it("refuses a streamed body without Content-Length as soon as it passes 1 MiB", async () => {
    const answer = await receiveWebhook(deps, streamed(jsonOfSize(2 * MIB)), "default");
    expect(answer.status).toBe(413);
    await expectNothingStored();
  });

  it("accepts a body of exactly 1 MiB", async () => {
    const answer = await receiveWebhook(deps, streamed(jsonOfSize(MIB)), "default");
    expect(answer.status).toBe(200);
  });

  it.each([
    ["an unknown source", "nope"],
    ["a name that cannot be a source", "Not A Source"],
    ["a path-like name", "../default"],
  ])("answers 404 to %s", async (_name, source) => {
    const reply = await send(deps, { id: "a" }, { source });
    expect(reply.status).toBe(404);
    expect(reply.json).toMatchObject({ error: { code: "not_found", message: expect.stringContaining(source) } });
    await expectNothingStored();
  });
});
