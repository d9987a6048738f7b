import { describe, expect, it } from "vitest";
import { ACTOR_HEADER, actorFrom, encodeActor, parseActor, requireOperator, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors/app-error";

const withActor = (value?: string) => new Request("http://h/api/x", { headers: value === undefined ? {} : { [ACTOR_HEADER]: value } });

describe("actor header", () => {
  it.each<Actor>([
    { kind: "operator", id: "op_1", name: "alice@example.com" },
    { kind: "token", id: "tok_1", name: "ci: deploy bot ✓" },
    { kind: "metrics" },
  ])("round-trips %o through an ASCII header value", (actor) => {
    const value = encodeActor(actor);
    expect(value).toMatch(/^[\x20-\x7e]+$/);
    expect(parseActor(value)).toEqual(actor);
  });

  it.each(["", "admin", "operator:", "operator:id", "root:1:x", "token:1:%E0%A4%A"])("rejects %j", (value) => {
    expect(parseActor(value)).toBeNull();
  });

  it("labels actors for the audit trail", () => {
    expect(actorFrom(withActor(encodeActor({ kind: "operator", id: "1", name: "alice@example.com" })))).toBe("operator:alice@example.com");
    expect(actorFrom(withActor(encodeActor({ kind: "token", id: "2", name: "ci" })))).toBe("token:ci");
    expect(actorFrom(withActor())).toBe("anonymous");
  });

  it("lets only operators through requireOperator", () => {
    expect(requireOperator(withActor(encodeActor({ kind: "operator", id: "1", name: "a@b.co" })))).toEqual({ id: "1", email: "a@b.co" });
    for (const value of [encodeActor({ kind: "token", id: "2", name: "ci" }), undefined]) {
      let caught: unknown;
      try {
        requireOperator(withActor(value));
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(AppError);
      expect((caught as AppError).status).toBe(403);
    }
  });
});
