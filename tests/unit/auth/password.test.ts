import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("encodes scrypt with its parameters, a random salt and a 32-byte hash", async () => {
    const hash = await hashPassword("correct horse battery staple");
    const [scheme, n, r, p, salt, key] = hash.split("$");
    expect([scheme, n, r, p]).toEqual(["scrypt", "32768", "8", "1"]);
    expect(Buffer.from(salt, "base64url")).toHaveLength(16);
    expect(Buffer.from(key, "base64url")).toHaveLength(32);
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapl", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("salts every hash, so equal passwords do not produce equal hashes", async () => {
    const [a, b] = await Promise.all([hashPassword("same password here"), hashPassword("same password here")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword("same password here", b)).toBe(true);
  });

  it("verifies with the parameters stored in the hash, so they can be raised later", async () => {
    const cheap = await hashPassword("an older password", { N: 2 ** 10, r: 8, p: 1 });
    expect(cheap.startsWith("scrypt$1024$8$1$")).toBe(true);
    expect(await verifyPassword("an older password", cheap)).toBe(true);
  });

  it("treats Unicode compositions of the same text as the same password", async () => {
    const hash = await hashPassword("caf\u00e9 au lait!!");
    expect(await verifyPassword("cafe\u0301 au lait!!", hash)).toBe(true);
  });

  it.each([
    ["not a hash", "plaintext"],
    ["another scheme", "bcrypt$10$abc"],
    ["N not a power of two", "scrypt$1000$8$1$c2FsdA$" + "A".repeat(43)],
    ["N beyond the memory cap", `scrypt$${2 ** 24}$8$1$c2FsdA$${"A".repeat(43)}`],
    ["a truncated key", "scrypt$1024$8$1$c2FsdA$AAAA"],
    ["an empty salt", `scrypt$1024$8$1$$${"A".repeat(43)}`],
  ])("refuses a malformed hash (%s) instead of throwing", async (_label, hash) => {
    expect(await verifyPassword("whatever password", hash)).toBe(false);
  });
});
