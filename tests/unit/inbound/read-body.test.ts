import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { BodyTooLargeError, readBodyBytesWithLimit, readBodyWithLimit } from "@/lib/http/read-body";
import { bodyFormatOf, decodeText, formToJson } from "@/lib/inbound/body";

const req = (body: string | null, headers: Record<string, string> = {}) => new Request("http://x/", { method: "POST", body, headers });

describe("readBodyWithLimit", () => {
  it("reads up to the limit in bytes", async () => {
    expect(await readBodyWithLimit(req("héllo"), 6)).toBe("héllo");
    expect(await readBodyWithLimit(req(null), 6)).toBe("");
  });

  it("refuses one byte over the limit with 413 and keeps what it read", async () => {
    const err = await readBodyBytesWithLimit(req("héllo!"), 6).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BodyTooLargeError);
    expect((err as BodyTooLargeError).status).toBe(413);
    expect(Buffer.from((err as BodyTooLargeError).head).toString()).toBe("héllo!");
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const err = await readBodyWithLimit(req("{}", { "content-length": "999999" }), 10).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "payload_too_large", seenBytes: 999_999 });
    expect((err as BodyTooLargeError).head).toHaveLength(0);
  });
});

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return (err as AppError).code;
  }
  return "none";
};

describe("bodyFormatOf", () => {
  it.each([
    ["application/json", false, "json"],
    ["Application/JSON; charset=utf-8", false, "json"],
    ["application/cloudevents+json", false, "json"],
    ["application/x-www-form-urlencoded", true, "form"],
  ] as const)("%s (forms %s) → %s", (value, forms, expected) => {
    expect(bodyFormatOf(value, forms)).toBe(expected);
  });

  it.each([
    ["text/json", true],
    ["text/plain", true],
    ["multipart/form-data", true],
    ["application/x-www-form-urlencoded", false],
    [null, true],
  ] as const)("refuses %s (forms %s) with 415", (value, forms) => {
    expect(codeOf(() => bodyFormatOf(value, forms))).toBe("unsupported_media_type");
  });
});

describe("decodeText", () => {
  it("decodes the declared charset and UTF-8 otherwise", () => {
    expect(decodeText(Buffer.from('{"n":"Zoë"}', "latin1"), "application/json; charset=ISO-8859-1")).toBe('{"n":"Zoë"}');
    expect(decodeText(Buffer.from('{"n":"Zoë"}'), "application/json")).toBe('{"n":"Zoë"}');
  });

  it("refuses bytes that are not valid in the charset (400) and a charset it does not know (415)", () => {
    expect(codeOf(() => decodeText(Buffer.from('{"n":"Zoë"}', "latin1"), "application/json"))).toBe("bad_request");
    expect(codeOf(() => decodeText(Buffer.from("{}"), "application/json; charset=klingon"))).toBe("unsupported_media_type");
  });
});

describe("formToJson", () => {
  it("takes a lone payload field as the JSON it holds", () => {
    expect(formToJson(`payload=${encodeURIComponent('{"zen":"Keep it logically awesome."}')}`)).toBe('{"zen":"Keep it logically awesome."}');
  });

  it("turns other forms into an object of strings", () => {
    expect(JSON.parse(formToJson("command=%2Fdeploy&text=api+now&trigger_id=13345.7384"))).toEqual({ command: "/deploy", text: "api now", trigger_id: "13345.7384" });
  });

  it("refuses a payload field that is not JSON", () => {
    expect(codeOf(() => formToJson("payload=%7Bnope"))).toBe("invalid_json");
  });
});
