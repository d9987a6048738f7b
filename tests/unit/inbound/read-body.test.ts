import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/http/errors";
import { isJsonContentType, readBodyWithLimit } from "@/lib/http/read-body";

const req = (body: string | null, headers: Record<string, string> = {}) => new Request("http://x/", { method: "POST", body, headers });

describe("readBodyWithLimit", () => {
  it("returns the body text up to the limit", async () => {
    expect(await readBodyWithLimit(req("héllo"), 6)).toBe("héllo");
    expect(await readBodyWithLimit(req(null), 6)).toBe("");
  });

  it("refuses a body one byte over the limit with 413", async () => {
    const err = await readBodyWithLimit(req("héllo!"), 6).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(413);
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const err = await readBodyWithLimit(req("{}", { "content-length": "999999" }), 10).catch((e: unknown) => e);
    expect((err as AppError).code).toBe("payload_too_large");
  });
});

describe("isJsonContentType", () => {
  it.each([
    ["application/json", true],
    ["Application/JSON; charset=utf-8", true],
    ["application/cloudevents+json", true],
    ["text/json", false],
    ["text/plain", false],
    ["multipart/form-data", false],
    [null, false],
  ])("%s → %s", (value, expected) => {
    expect(isJsonContentType(value)).toBe(expected);
  });
});
