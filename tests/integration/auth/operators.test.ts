// Operators manage each other: add one, remove one (never the last, never yourself), and
// change their own password, through the running server, each with its audit row.
import { describe, expect, it } from "vitest";
import { signIn, TEST_OPERATOR, useApp } from "@/tests/support/app-server";
import { testProviders } from "@/tests/support/databases";

describe.each(testProviders())("operators on %s", (db) => {
  const app = useApp(db);
  const colleague = { email: `Colleague-${db}@Example.com`, password: "a long enough password" };

  it("adds an operator who can then sign in; the e-mail is kept lower-cased and a second one with it is refused", async () => {
    const res = await app.operator.json("POST", "/api/operators", colleague);
    expect(res.status).toBe(201);
    const added = (await res.json()) as { id: string; email: string };
    expect(added.email).toBe(colleague.email.toLowerCase());
    await expect(signIn(app.url, colleague)).resolves.toBeDefined();

    const again = await app.operator.json("POST", "/api/operators", { ...colleague, password: "another long password" });
    expect(again.status).toBe(409);
    const list = (await (await app.operator.fetch("/api/operators")).json()) as { data: { email: string }[] };
    expect(list.data.map((o) => o.email)).toEqual([TEST_OPERATOR.email, colleague.email.toLowerCase()]);
    expect(await app.db.prisma.auditLog.count({ where: { action: "operator.create", targetId: added.id } })).toBe(1);
  });

  it("refuses a short password with the reason", async () => {
    const res = await app.operator.json("POST", "/api/operators", { email: "short@example.com", password: "short" });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("Use at least 12 characters");
  });

  it("an API token cannot add operators", async () => {
    const token = (await (await app.operator.json("POST", "/api/tokens", { name: `ops-${db}` })).json()) as { token: string };
    const res = await app.fetch("/api/operators", { method: "POST", headers: { authorization: `Bearer ${token.token}`, "content-type": "application/json" }, body: JSON.stringify({ email: "bot@example.com", password: "a long enough password" }) });
    expect(res.status).toBe(403);
  });

  it("removes another operator, whose sessions end at once, but never yourself", async () => {
    const colleagueSession = await signIn(app.url, colleague);
    const list = (await (await app.operator.fetch("/api/operators")).json()) as { data: { id: string; email: string }[] };
    const me = list.data.find((o) => o.email === TEST_OPERATOR.email)!;
    const them = list.data.find((o) => o.email === colleague.email.toLowerCase())!;

    const self = await app.operator.fetch(`/api/operators/${me.id}`, { method: "DELETE" });
    expect(self.status).toBe(409);
    expect(await self.json()).toMatchObject({ error: { message: "You cannot remove yourself; another operator can" } });

    expect((await app.operator.fetch(`/api/operators/${them.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await colleagueSession.fetch("/api/auth/session")).status).toBe(401);
  });

  it("changes the signed-in operator's password after checking the current one; other sessions end, this one stays", async () => {
    const other = await signIn(app.url);
    const wrong = await app.operator.json("POST", "/api/account/password", { currentPassword: "not it at all", newPassword: "a brand new password" });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(await wrong.json())).toContain("The current password is not right");

    const ok = await app.operator.json("POST", "/api/account/password", { currentPassword: TEST_OPERATOR.password, newPassword: "a brand new password" });
    expect(ok.status).toBe(204);
    expect((await app.operator.fetch("/api/auth/session")).status).toBe(200);
    expect((await other.fetch("/api/auth/session")).status).toBe(401);
    await expect(signIn(app.url, { email: TEST_OPERATOR.email, password: "a brand new password" })).resolves.toBeDefined();
    await expect(signIn(app.url)).rejects.toThrow(/sign-in failed: 401/);
  });
});
