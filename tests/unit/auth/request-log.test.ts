import { describe, expect, it } from "vitest";
import { requestIdOf } from "@/lib/http/request-log";

describe("requestIdOf", () => {
  it("keeps a caller's short, plain request id", () => {
    expect(requestIdOf(new Headers({ "x-request-id": "lb-7f3a.1:2" }))).toBe("lb-7f3a.1:2");
  });

  it.each(["", "has space", "x".repeat(129), 'quote"', "<script>"])("replaces %j with a fresh UUID", (given) => {
    expect(requestIdOf(new Headers({ "x-request-id": given }))).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });
});
