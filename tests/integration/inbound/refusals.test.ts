// Requests refused at the door leave a trace an operator can read, through `next start`.
import { describe, expect, it } from "vitest";
import { REFUSALS_KEPT } from "@/lib/inbound/refusal-store";
import { useApp } from "@/tests/support/app-server";
import { testProviders } from "@/tests/support/databases";
import { githubSigned } from "@/tests/support/provider-signing";
import { createSource, recordsOf, send, uniqueName, until } from "./http";

interface Refusals {
  data: { receivedAt: string; status: number; code: string; reason: string; headers: Record<string, string>; bodyExcerpt: string; bodyBytes: number }[];
  lastDayByStatus: Record<string, number>;
}

describe.each(testProviders())("refusals at the door through next start on %s", (db) => {
  const app = useApp(db);

  const refusalsOf = async (id: string) => (await (await app.operator.fetch(`/api/sources/${id}/refusals`)).json()) as Refusals;
  const waitForRefusals = (id: string, count: number) => until(async () => ((await refusalsOf(id)).data.length >= count ? refusalsOf(id) : undefined), `${count} refusals`);

  it("keeps each refusal (401, 400, 413, 415, 429) with its time, reason, status, headers and the start of its body", async () => {
    const source = await createSource(app, { name: uniqueName("gh"), provider: "github", rateLimitPerSecond: 1 });
    const secret = source.secret as string;
    const delivery = { "x-github-event": "push", "x-github-delivery": "d-1" };
    const goodBody = '{"ref":"refs/heads/main"}';

    const unsigned = await send(app, source.name, { body: goodBody, headers: { ...delivery, "x-hub-signature-256": `sha256=${"0".repeat(64)}` } });
    const badJson = await send(app, source.name, await githubSigned(secret, '{"ref":', delivery));
    const textPlain = await send(app, source.name, await githubSigned(secret, goodBody, delivery), "text/plain");
    const tooLarge = await send(app, source.name, { body: `{"pad":"${"x".repeat(1024 * 1024)}"}`, headers: delivery });
    const accepted = await send(app, source.name, await githubSigned(secret, goodBody, delivery));
    const limited = await send(app, source.name, await githubSigned(secret, goodBody, { ...delivery, "x-github-delivery": "d-2" }));
    expect([unsigned.status, badJson.status, textPlain.status, tooLarge.status, accepted.status, limited.status]).toEqual([401, 400, 415, 413, 200, 429]);

    const { data, lastDayByStatus } = await waitForRefusals(source.id, 5);
    expect(data.map((r) => [r.status, r.code])).toEqual([
      [429, "rate_limited"],
      [413, "payload_too_large"],
      [415, "unsupported_media_type"],
      [400, "invalid_json"],
      [401, "invalid_signature"],
    ]);
    expect(lastDayByStatus).toEqual({ "400": 1, "401": 1, "413": 1, "415": 1, "429": 1 });
    const [, large, , json, signature] = data;
    expect(signature).toMatchObject({ reason: "Signature does not match", bodyExcerpt: goodBody, bodyBytes: goodBody.length });
    expect(signature.headers).toMatchObject({ "x-github-event": "push", "x-hub-signature-256": "[redacted, 71 characters]", "content-type": "application/json" });
    expect(Date.parse(signature.receivedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(json.bodyExcerpt).toBe('{"ref":');
    expect(large.bodyBytes).toBeGreaterThan(1024 * 1024);
    expect(Buffer.byteLength(large.bodyExcerpt)).toBeLessThanOrEqual(1024);

    const listed = (await (await app.operator.fetch("/api/sources")).json()) as { data: { id: string; refusedLastDay: number }[] };
    expect(listed.data.find((s) => s.id === source.id)?.refusedLastDay).toBe(5);
  });

  it("never shows the source's secret, wherever a sender put it", async () => {
    const source = await createSource(app, { name: uniqueName("custom"), provider: "custom" });
    const secret = source.secret as string;
    await send(app, source.name, { body: `{"leaked":"${secret}"}`, headers: { "x-signature-256": secret, "x-debug": `key=${secret}` } });
    const { data } = await waitForRefusals(source.id, 1);
    expect(JSON.stringify(data)).not.toContain(secret);
    expect(data[0].bodyExcerpt).toBe('{"leaked":"[secret]"}');
  });

  it("keeps the last 50 of a flood and counts them all, storing no event", async () => {
    const source = await createSource(app, { name: uniqueName("flood"), provider: "github" });
    const flood = 120;
    await Promise.all(
      Array.from({ length: flood }, (_, i) => send(app, source.name, { body: `{"n":${i}}`, headers: { "x-github-event": "push", "x-hub-signature-256": `sha256=${"1".repeat(64)}` } })),
    );
    const counted = await until(async () => {
      const r = await refusalsOf(source.id);
      return r.lastDayByStatus["401"] === flood ? r : undefined;
    }, "every refusal counted");
    expect(counted.data).toHaveLength(REFUSALS_KEPT);
    expect(await app.db.prisma.inboundRefusal.count({ where: { sourceId: source.id } })).toBe(REFUSALS_KEPT);
    expect(await recordsOf(app, source.name)).toEqual([]);
  });

  it("does not log what is not a refusal at the door: an unknown source, a replay", async () => {
    const source = await createSource(app, { name: uniqueName("plain") });
    expect((await send(app, "no-such-source", { body: "{}", headers: {} })).status).toBe(404);
    await send(app, source.name, { body: '{"id":"once"}', headers: {} });
    expect((await send(app, source.name, { body: '{"id":"once"}', headers: {} })).replayed).toBe(true);
    // A refusal sent last is written with anything before it: once it shows, the others would have too.
    await send(app, source.name, { body: "{", headers: {} });
    const { data } = await waitForRefusals(source.id, 1);
    expect(data.map((r) => r.status)).toEqual([400]);
  });

  it("404s the refusals of a source that does not exist", async () => {
    const res = await app.operator.fetch("/api/sources/nope/refusals");
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "Inbound source not found" } });
  });
});
