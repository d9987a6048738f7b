import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { bootstrapOperator } from "@/lib/auth/bootstrap-operator";
import { createSignInThrottle, signIn } from "@/lib/auth/sign-in";
import { delayAfterFailures, FREE_FAILURES, MAX_DELAY_MS } from "@/lib/auth/sign-in-delay";
import { resolveSession } from "@/lib/auth/sessions";
import { SESSION_COOKIE } from "@/lib/auth/cookies";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { AppError } from "@/lib/errors/app-error";
import { testProviders, useTestDatabase } from "../../support/databases";
import { PASSWORD, apiRequest, clearAuthData, cookieFrom, createOperator } from "./support";

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe.each(testProviders())("operator sign-in on %s", (provider) => {
  const t = useTestDatabase(provider);

  beforeEach(async () => {
    await clearAuthData(t.db);
    vi.resetModules();
    vi.stubEnv("DATABASE_URL", t.url);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("signs in with a session cookie, reports the session, and signs out", async () => {
    const operator = await createOperator(t.db);
    const { POST: signInRoute } = await import("@/app/api/auth/sign-in/route");
    const { GET: sessionRoute } = await import("@/app/api/auth/session/route");
    const { POST: signOutRoute } = await import("@/app/api/auth/sign-out/route");

    const res = await signInRoute(apiRequest("/api/auth/sign-in", { method: "POST", body: { email: " Alice@Example.com ", password: PASSWORD } }), undefined);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ operator: { id: operator.id, email: "alice@example.com" } });
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]{43}; Path=/; Expires=.+; Max-Age=604800; HttpOnly; SameSite=Lax$`));
    const cookie = cookieFrom(res);

    // Only the digest is stored.
    const stored = await t.db.prisma.operatorSession.findFirstOrThrow();
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.tokenHash).not.toContain(cookie.split("=")[1]);

    const session = await sessionRoute(apiRequest("/api/auth/session", { headers: { cookie } }), undefined);
    expect(await session.json()).toEqual({ operator: { id: operator.id, email: "alice@example.com" } });

    const out = await signOutRoute(apiRequest("/api/auth/sign-out", { method: "POST", headers: { cookie } }), undefined);
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(new RegExp(`^${SESSION_COOKIE}=; Path=/; Expires=Thu, 01 Jan 1970`));
    expect(await t.db.prisma.operatorSession.count()).toBe(0);
    const after = await sessionRoute(apiRequest("/api/auth/session", { headers: { cookie } }), undefined);
    expect(after.status).toBe(401);

    const actions = (await t.db.prisma.auditLog.findMany({ orderBy: { createdAt: "asc" } })).map((a) => [a.actor, a.action]);
    expect(actions).toEqual([
      ["operator:alice@example.com", "operator.sign_in"],
      ["operator:alice@example.com", "operator.sign_out"],
    ]);
  });

  it("marks the cookie Secure behind a TLS-terminating proxy", async () => {
    await createOperator(t.db);
    const { POST } = await import("@/app/api/auth/sign-in/route");
    const res = await POST(apiRequest("/api/auth/sign-in", { method: "POST", body: { email: "alice@example.com", password: PASSWORD }, headers: { "x-forwarded-proto": "https" } }), undefined);
    expect(res.headers.get("set-cookie")).toMatch(/; Secure$/);
  });

  it("answers an unknown e-mail and a wrong password with the same 401", async () => {
    await createOperator(t.db);
    const { POST } = await import("@/app/api/auth/sign-in/route");
    const unknown = await POST(apiRequest("/api/auth/sign-in", { method: "POST", body: { email: "mallory@example.com", password: PASSWORD } }), undefined);
    const wrong = await POST(apiRequest("/api/auth/sign-in", { method: "POST", body: { email: "alice@example.com", password: "not the password" } }), undefined);
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await unknown.json()).toEqual(await wrong.json());
    expect(unknown.headers.get("set-cookie")).toBeNull();
  });

  it("answers 400 with field errors for a malformed sign-in", async () => {
    const { POST } = await import("@/app/api/auth/sign-in/route");
    const res = await POST(apiRequest("/api/auth/sign-in", { method: "POST", body: { email: "not-an-email", password: "" } }), undefined);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.details.map((d) => d.path).sort()).toEqual(["email", "password"]);
  });

  it(`delays an operator's next attempt after ${FREE_FAILURES} free failures, doubling, and the right password waits its turn too`, async () => {
    const operator = await createOperator(t.db);
    const throttle = createSignInThrottle();
    const start = new Date("2026-03-01T10:00:00Z").getTime();
    const at = (ms: number) => new Date(start + ms);
    const attempt = (password: string, now: Date) => signIn(t.db, { email: "alice@example.com", password }, { clientKey: `ip-${now.getTime()}`, throttle, now });

    for (let i = 0; i < FREE_FAILURES; i++) expect((await rejection(attempt("wrong password", at(0)))).status).toBe(401);
    // The first failure past the free ones is still checked; it sets the first delay.
    expect((await rejection(attempt("wrong password", at(0)))).status).toBe(401);
    expect(delayAfterFailures(FREE_FAILURES + 1)).toBe(1_000);
    const early = await rejection(attempt(PASSWORD, at(999)));
    expect(early.status).toBe(429);
    expect(early.retryAfterSeconds).toBe(1);
    expect(await t.db.prisma.operatorSession.count()).toBe(0);

    // Each further failure doubles the wait.
    expect((await rejection(attempt("wrong password", at(1_000)))).status).toBe(401);
    const doubled = await rejection(attempt("wrong password", at(1_000)));
    expect(doubled.retryAfterSeconds).toBe(2);
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: "operator.sign_in_delayed" } });
    expect(audit).toMatchObject({ actor: "system", targetType: "operator", targetId: operator.id });

    const signedIn = await attempt(PASSWORD, at(3_000));
    expect(signedIn.operator.id).toBe(operator.id);
    expect(await t.db.prisma.operator.findUniqueOrThrow({ where: { id: operator.id } })).toMatchObject({ failedLogins: 0, nextSignInAt: null, lastLoginAt: at(3_000) });
  });

  it("never makes the operator wait more than the longest delay", () => {
    expect(delayAfterFailures(1)).toBe(0);
    expect(delayAfterFailures(FREE_FAILURES + 3)).toBe(4_000);
    expect(delayAfterFailures(1_000)).toBe(MAX_DELAY_MS);
  });

  it("resets the failure count on a successful sign-in", async () => {
    await createOperator(t.db);
    const throttle = createSignInThrottle();
    for (let i = 0; i < FREE_FAILURES; i++) await rejection(signIn(t.db, { email: "alice@example.com", password: "nope" }, { clientKey: "a", throttle }));
    await signIn(t.db, { email: "alice@example.com", password: PASSWORD }, { clientKey: "a", throttle });
    expect((await t.db.prisma.operator.findFirstOrThrow()).failedLogins).toBe(0);
  });

  it("takes parallel guesses one turn at a time, so a burst is checked no faster than the delays allow", async () => {
    const operator = await createOperator(t.db);
    const throttle = createSignInThrottle();
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => rejection(signIn(t.db, { email: "alice@example.com", password: `guess ${i}` }, { clientKey: `ip${i}`, throttle, now }))),
    );
    const checked = results.filter((e) => e.status === 401).length;
    expect(checked).toBeGreaterThan(0);
    expect(checked).toBeLessThanOrEqual(FREE_FAILURES + 1);
    expect(results.filter((e) => e.status === 429).length).toBe(12 - checked);
    const row = await t.db.prisma.operator.findUniqueOrThrow({ where: { id: operator.id } });
    expect(row.failedLogins).toBe(checked);
  });

  it("throttles one client address after 20 failures across any e-mail addresses, with Retry-After", async () => {
    await createOperator(t.db);
    const { POST } = await import("@/app/api/auth/sign-in/route");
    // The header the server runtime writes from the socket (lib/server/peer-address.ts); X-Forwarded-For is the client's to invent.
    const from = (ip: string, email: string) =>
      apiRequest("/api/auth/sign-in", { method: "POST", body: { email, password: "guess" }, headers: { [PEER_ADDRESS_HEADER]: ip, "x-forwarded-for": `10.9.9.${email.length}` } });
    for (let i = 0; i < 20; i++) expect((await POST(from("203.0.113.9", `user${i}@example.com`), undefined)).status).toBe(401);
    const throttled = await POST(from("203.0.113.9", "alice@example.com"), undefined);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(800);
    expect((await POST(from("198.51.100.7", "alice@example.com"), undefined)).status).toBe(401);
  }, 60_000);

  it("a signed-out or expired session resolves to nobody", async () => {
    const operator = await createOperator(t.db);
    const throttle = createSignInThrottle();
    const now = new Date();
    const { token } = await signIn(t.db, { email: "alice@example.com", password: PASSWORD }, { clientKey: "x", throttle, now });
    expect(await resolveSession(t.db, token, now)).toMatchObject({ operatorId: operator.id });
    expect(await resolveSession(t.db, token, new Date(now.getTime() + 7 * 24 * 3600_000))).toBeNull();
    expect(await resolveSession(t.db, "not-a-token")).toBeNull();
  });
});

describe.each(testProviders())("first operator on %s", (provider) => {
  const t = useTestDatabase(provider);

  beforeEach(async () => {
    await clearAuthData(t.db);
    vi.resetModules();
    vi.stubEnv("DATABASE_URL", t.url);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("setup creates the first operator and signs them in, then answers 409", async () => {
    const { POST } = await import("@/app/api/auth/setup/route");
    const res = await POST(apiRequest("/api/auth/setup", { method: "POST", body: { email: "Root@Example.com", password: PASSWORD } }), undefined);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ operator: { email: "root@example.com" } });
    expect(res.headers.get("set-cookie")).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(await t.db.prisma.operatorSession.count()).toBe(1);
    expect(await t.db.prisma.auditLog.findFirstOrThrow()).toMatchObject({ actor: "operator:root@example.com", action: "operator.create" });

    const again = await POST(apiRequest("/api/auth/setup", { method: "POST", body: { email: "mallory@example.com", password: PASSWORD } }), undefined);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: { code: "conflict" } });
    expect(await t.db.prisma.operator.count()).toBe(1);
  });

  it("setup refuses a short password", async () => {
    const { POST } = await import("@/app/api/auth/setup/route");
    const res = await POST(apiRequest("/api/auth/setup", { method: "POST", body: { email: "root@example.com", password: "short" } }), undefined);
    expect(res.status).toBe(400);
    expect(await t.db.prisma.operator.count()).toBe(0);
  });

  it("lets exactly one of several racing setups win", async () => {
    const { POST } = await import("@/app/api/auth/setup/route");
    const results = await Promise.all(
      ["a", "b", "c", "d"].map((who) => POST(apiRequest("/api/auth/setup", { method: "POST", body: { email: `${who}@example.com`, password: PASSWORD } }), undefined)),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect(await t.db.prisma.operator.count()).toBe(1);
  });

  it("creates the first operator from the environment once, and never resets a password later", async () => {
    const env = { HOOKRELAY_ADMIN_EMAIL: "ops@example.com", HOOKRELAY_ADMIN_PASSWORD: PASSWORD };
    expect(await bootstrapOperator(t.db, {})).toBe("not_configured");
    expect(await bootstrapOperator(t.db, { HOOKRELAY_ADMIN_EMAIL: "ops@example.com" })).toBe("not_configured");
    expect(await bootstrapOperator(t.db, { ...env, HOOKRELAY_ADMIN_PASSWORD: "short" })).toBe("invalid");
    expect(await bootstrapOperator(t.db, env)).toBe("created");
    const before = await t.db.prisma.operator.findUniqueOrThrow({ where: { email: "ops@example.com" } });
    expect(await bootstrapOperator(t.db, { ...env, HOOKRELAY_ADMIN_PASSWORD: "a different long password" })).toBe("exists");
    expect((await t.db.prisma.operator.findUniqueOrThrow({ where: { email: "ops@example.com" } })).passwordHash).toBe(before.passwordHash);
    expect(await t.db.prisma.auditLog.findFirstOrThrow()).toMatchObject({ actor: "system", action: "operator.create", details: JSON.stringify({ email: "ops@example.com", via: "environment" }) });
    await signIn(t.db, { email: "ops@example.com", password: PASSWORD }, { clientKey: "x", throttle: createSignInThrottle() });
  });

  it("two instances bootstrapping at once create one operator", async () => {
    const env = { HOOKRELAY_ADMIN_EMAIL: "ops@example.com", HOOKRELAY_ADMIN_PASSWORD: PASSWORD };
    const outcomes = await Promise.all([bootstrapOperator(t.db, env), bootstrapOperator(t.db, env)]);
    expect(outcomes.sort()).toEqual(["created", "exists"]);
    expect(await t.db.prisma.operator.count()).toBe(1);
  });
});
