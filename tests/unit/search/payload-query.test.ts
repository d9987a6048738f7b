import { describe, expect, it } from "vitest";
import { containsPattern, formatPath, longestWord, fts5Phrase, parsePathEquals, sqliteJsonPath, sqliteJsonTypes, sqliteJsonValue } from "@/lib/search/payload-query";

describe("a JSON member equal to a value, typed in the search box", () => {
  it("reads a dotted path with array positions, with or without $ and spaces around =", () => {
    expect(parsePathEquals("data.object.id=ch_123")).toEqual({ path: ["data", "object", "id"], value: "ch_123", text: "ch_123" });
    expect(parsePathEquals("$.lines[0].amount = 2000")).toEqual({ path: ["lines", 0, "amount"], value: 2000, text: "2000" });
    expect(parsePathEquals("x-request-id=abc def")).toEqual({ path: ["x-request-id"], value: "abc def", text: "abc def" });
  });

  it("reads JSON values as JSON and anything else as the string typed", () => {
    expect(parsePathEquals("paid=true")?.value).toBe(true);
    expect(parsePathEquals("coupon=null")?.value).toBeNull();
    expect(parsePathEquals('code="2000"')).toMatchObject({ value: "2000", text: "2000" });
    expect(parsePathEquals("amount=20.5")).toMatchObject({ value: 20.5, text: "20.5" });
    expect(parsePathEquals("email=ann@example.com")?.value).toBe("ann@example.com");
  });

  it("is not an id, plain text, an empty value or a path that starts with a digit", () => {
    for (const q of ["evt_1042", "needle in the payload", "a=", "a= ", "=x", "1a=b", "a..b=c", "a b=c"]) expect(parsePathEquals(q)).toBeNull();
  });

  it("writes the path for people, for SQLite and quotes every name", () => {
    const { path } = parsePathEquals("lines[0].price.unit_amount=5")!;
    expect(formatPath(path)).toBe("lines[0].price.unit_amount");
    expect(sqliteJsonPath(path)).toBe('$."lines"[0]."price"."unit_amount"');
  });

  it("asks SQLite for the json_type and json_extract result each kind of value has", () => {
    expect([sqliteJsonTypes(5), sqliteJsonValue(5)]).toEqual([["integer", "real"], 5]);
    expect([sqliteJsonTypes(true), sqliteJsonValue(true)]).toEqual([["true", "true"], 1]);
    expect([sqliteJsonTypes(false), sqliteJsonValue(false)]).toEqual([["false", "false"], 0]);
    expect([sqliteJsonTypes(null), sqliteJsonValue(null)]).toEqual([["null", "null"], null]);
    expect([sqliteJsonTypes("x"), sqliteJsonValue("x")]).toEqual([["text", "text"], "x"]);
  });
});

describe("text typed in the search box, as a query", () => {
  it("is one FTS5 phrase whatever it contains", () => {
    expect(fts5Phrase("order paid")).toBe('"order paid"');
    expect(fts5Phrase('say "hi" OR NEAR(x)')).toBe('"say ""hi"" OR NEAR(x)"');
  });

  it("has a longest word, a run of letters and digits, or none", () => {
    expect(longestWord("ann@example.com")).toBe("example");
    expect(longestWord("Zoë_12345")).toBe("12345");
    expect(longestWord("--")).toBe("");
  });

  it("is a LIKE pattern whose wildcards match only themselves", () => {
    expect(containsPattern("50%_off\\")).toBe("%50\\%\\_off\\\\%");
  });
});
