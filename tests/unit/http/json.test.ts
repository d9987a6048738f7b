import { describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, nestsDeeperThan, parseJsonText } from "@/lib/http/json";
import { AppError } from "@/lib/errors/app-error";

const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;

describe("JSON depth", () => {
  it("counts arrays and objects, not brackets inside strings", () => {
    expect(nestsDeeperThan(nested(3), 3)).toBe(false);
    expect(nestsDeeperThan(nested(4), 3)).toBe(true);
    expect(nestsDeeperThan(`{"a":[{"b":"[[[[[[\\"{{{{"}]}`, 3)).toBe(false);
    expect(nestsDeeperThan(`[1,[2],[3,[4]],{"x":{"y":{}}}]`, 4)).toBe(false);
    expect(nestsDeeperThan(`[1,[2],[3,[4]],{"x":{"y":{}}}]`, 3)).toBe(true);
  });

  it(`parses up to ${MAX_JSON_DEPTH} levels and refuses one more with a 400 that names the limit`, () => {
    expect(parseJsonText(nested(MAX_JSON_DEPTH))).toBeInstanceOf(Array);
    const err = (() => {
      try {
        parseJsonText(nested(MAX_JSON_DEPTH + 1));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ status: 400, details: { maxDepth: MAX_JSON_DEPTH } });
    expect(() => parseJsonText("{nope")).toThrow(expect.objectContaining({ code: "invalid_json" }));
  });
});
