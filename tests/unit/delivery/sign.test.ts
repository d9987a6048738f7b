import fc from "fast-check";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { signatureHeader } from "@/lib/delivery/sign";

const secretOf = (key: Uint8Array) => `whsec_${Buffer.from(key).toString("base64")}`;
const only = (secret: string) => ({ secret, previousSecret: null, previousSecretExpiresAt: null });

describe("signatureHeader", () => {
  it("is byte for byte what the Standard Webhooks library signs, for any key, message id, time and payload", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.string(), fc.integer({ min: 0, max: 4_102_444_800_000 }), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), (key, msgId, ms, text, binary) => {
        const secret = secretOf(key);
        const at = new Date(ms);
        for (const payload of [text, binary]) expect(signatureHeader(only(secret), msgId, at, payload)).toBe(new Webhook(secret).sign(msgId, at, payload));
      }),
    );
  });

  it("signs with both secrets during a rotation, and with the current one alone once the previous one expired", () => {
    const current = secretOf(Buffer.from("current-secret-0123456789abcdef"));
    const previous = secretOf(Buffer.from("previous-secret-0123456789abcde"));
    const at = new Date(Date.UTC(2026, 10, 29));
    const rotating = { secret: current, previousSecret: previous, previousSecretExpiresAt: new Date(at.getTime() + 1) };
    const header = signatureHeader(rotating, "msg_1", at, "{}");
    expect(header).toBe(`${new Webhook(current).sign("msg_1", at, "{}")} ${new Webhook(previous).sign("msg_1", at, "{}")}`);
    expect(signatureHeader({ ...rotating, previousSecretExpiresAt: at }, "msg_1", at, "{}")).toBe(new Webhook(current).sign("msg_1", at, "{}"));
  });

  it("refuses a secret that is not base64 instead of signing with whatever a lenient decoder makes of it", () => {
    for (const secret of ["whsec_!!!not-base64!!!", "whsec_", "whsec_YWJ", "whsec_YQ", "whsec_YW Jj"]) {
      expect(() => signatureHeader(only(secret), "msg_1", new Date(), "{}")).toThrow(/base64/);
    }
  });
});
