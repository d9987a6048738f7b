// Secrets over their life, through `next start`: rotation with a grace period, presets
// switched on the default source, sources found the moment they are made.
import { describe, expect, it } from "vitest";
import { useApp } from "@/tests/support/app-server";
import { testProviders } from "@/tests/support/databases";
import { standardSigned } from "@/tests/support/provider-signing";
import { createSource, rotateSecret, send, uniqueName, until } from "./http";

describe.each(testProviders())("signing secrets through next start on %s", (db) => {
  const app = useApp(db);
  const body = '{"type":"invoice.paid","data":{"n":1}}';

  it("accepts the previous secret during a rotation's grace period and refuses it once that ends", async () => {
    const source = await createSource(app, { name: uniqueName("sw"), provider: "standard_webhooks" });
    const oldSecret = source.secret as string;
    const { secret: newSecret } = await rotateSecret(app, source.id, { previousSecretValidSeconds: 2 });
    expect(newSecret).not.toBe(oldSecret);

    const signedWith = (secret: string, id: string) => send(app, source.name, standardSigned(secret, id, body));
    expect((await signedWith(newSecret, "r1")).status).toBe(200);
    expect((await signedWith(oldSecret, "r2")).status).toBe(200);
    await until(async () => (await signedWith(oldSecret, `late-${Date.now()}`)).status === 401, "the old secret to expire");
    expect((await signedWith(newSecret, "r3")).status).toBe(200);
  });

  it("the default source can be made to require signatures, and back", async () => {
    const sources = (await (await app.operator.fetch("/api/sources")).json()) as { data: { id: string; name: string }[] };
    const id = sources.data.find((s) => s.name === "default")?.id as string;
    const switched = await app.operator.json("PATCH", `/api/sources/${id}`, { provider: "standard_webhooks" });
    const { secret } = (await switched.json()) as { secret: string };
    try {
      expect((await send(app, "default", { body: '{"id":"d2"}', headers: {} })).status).toBe(401);
      expect((await send(app, "default", standardSigned(secret, "m-d3", '{"id":"d3"}'))).status).toBe(200);
    } finally {
      await app.operator.json("PATCH", `/api/sources/${id}`, { provider: "none" });
    }
    expect((await send(app, "default", { body: '{"id":"d4"}', headers: {} })).status).toBe(200);
  });

  it("a new source is found at once although an earlier request found none by its name", async () => {
    const name = uniqueName("late");
    expect((await send(app, name, { body: '{"id":"n1"}', headers: {} })).status).toBe(404);
    await createSource(app, { name });
    expect((await send(app, name, { body: '{"id":"n1"}', headers: {} })).status).toBe(200);
  });
});
