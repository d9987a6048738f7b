import { describe, expect, it } from "vitest";
import { storableText } from "@/lib/db/storable-text";

describe("storableText", () => {
  it("reads NUL and bytes that are not UTF-8 as U+FFFD, and the rest as it is", () => {
    expect(storableText(Uint8Array.from([0x61, 0x00, 0xff, 0x62, 0xc3, 0xa9]))).toBe("a\uFFFD\uFFFDbé");
  });

  it("reads only the bytes of the view it is given", () => {
    const bytes = Buffer.from("head\u0000body tail");
    expect(storableText(bytes.subarray(4, 9))).toBe("\uFFFDbody");
  });
});
