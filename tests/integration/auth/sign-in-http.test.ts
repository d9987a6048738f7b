import { describe, expect, it } from "vitest";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { FREE_FAILURES } from "@/lib/auth/sign-in-delay";
import { TEST_OPERATOR, useApp } from "../../support/app-server";
import { testProviders } from "../../support/databases";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(testProviders())("sign-in over HTTP on %s", (provider) => {
  const app = useApp(provider);

  const signIn = (email: string, password: string, headers: Record<string, string> = {}) =>
    app.fetch("/api/auth/sign-in", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ email, password }) });

  it("checks a parallel burst of wrong passwords a few at a time, and the operator still gets in after the short delay it set", async () => {
    const started = Date.now();
    const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(TEST_OPERATOR.email, `wrong password ${i}`)));
    const burstSeconds = (Date.now() - started) / 1000;
    const statuses = burst.map((r) => r.status);
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked).toBeGreaterThan(0);
    // The free failures, then one more per delay that ran out during the burst: delays of
    // 1, 2, 4… s add up to 2^k − 1 s after k of them.
    expect(checked).toBeLessThanOrEqual(FREE_FAILURES + 1 + Math.floor(Math.log2(1 + burstSeconds)));
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - checked);
    for (const r of burst.filter((b) => b.status === 429)) expect(Number(r.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);

    // Not a 15-minute lock: the operator waits out what Retry-After says, as the sign-in form does, and is let in.
    let waitedSeconds = 0;
    for (;;) {
      const res = await signIn(TEST_OPERATOR.email, TEST_OPERATOR.password);
      if (res.status === 200) break;
      expect(res.status).toBe(429);
      const retryAfter = Number(res.headers.get("retry-after"));
      waitedSeconds += retryAfter;
      expect(waitedSeconds).toBeLessThanOrEqual(2 ** (checked - FREE_FAILURES));
      await sleep(retryAfter * 1000);
    }
    const operator = await app.db.prisma.operator.findUniqueOrThrow({ where: { email: TEST_OPERATOR.email } });
    expect(operator).toMatchObject({ failedLogins: 0, nextSignInAt: null });
  });

  it("throttles a client by its socket address, whatever X-Forwarded-For or our own peer header it sends", async () => {
    const answers: number[] = [];
    for (let i = 0; i < 21; i++) {
      const spoofed = `198.51.100.${i + 1}`;
      const res = await signIn(`nobody${i}@example.com`, "a guess at a password", { "x-forwarded-for": spoofed, "x-real-ip": spoofed, [PEER_ADDRESS_HEADER]: spoofed });
      answers.push(res.status);
    }
    // The burst above already failed from this address: the limit of 20 is reached sooner, never later.
    const throttledFrom = answers.indexOf(429);
    expect(throttledFrom).toBeGreaterThan(0);
    expect(answers.slice(0, throttledFrom)).toEqual(Array(throttledFrom).fill(401));
    expect(answers.slice(throttledFrom)).toEqual(Array(21 - throttledFrom).fill(429));
  });
});
