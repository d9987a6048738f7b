import { describe, expect, it } from "vitest";
import { isCrossSite, isMutation } from "@/lib/auth/origin";
import { safeNextPath } from "@/lib/auth/next-path";

const url = new URL("http://relay.example:3000/api/endpoints");

describe("isCrossSite", () => {
  it.each([
    ["same origin", { host: "relay.example:3000", origin: "http://relay.example:3000" }, false],
    ["another site", { host: "relay.example:3000", origin: "https://evil.example" }, true],
    ["same host, other port", { host: "relay.example:3000", origin: "http://relay.example:4000" }, true],
    ["a look-alike suffix", { host: "relay.example:3000", origin: "http://relay.example:3000.evil.example" }, true],
    ["Origin null (sandboxed frame)", { host: "relay.example:3000", origin: "null" }, true],
    ["behind TLS proxy: https origin, forwarded host", { host: "10.0.0.5:3000", "x-forwarded-host": "relay.example", origin: "https://relay.example" }, false],
    ["only Referer, same site", { host: "relay.example:3000", referer: "http://relay.example:3000/endpoints?x=1" }, false],
    ["only Referer, other site", { host: "relay.example:3000", referer: "https://evil.example/page" }, true],
    ["host header case", { host: "Relay.Example:3000", origin: "http://relay.example:3000" }, false],
  ])("%s", (_label, headers, expected) => {
    expect(isCrossSite(new Headers(headers), url)).toBe(expected);
  });

  it.each([
    ["same-origin", false],
    ["none", false],
    ["same-site", true],
    ["cross-site", true],
  ])("trusts Sec-Fetch-Site %s over Origin and Host, which a proxy may rewrite", (site, expected) => {
    const headers = new Headers({ host: "10.0.0.5:3000", origin: "https://relay.example", "sec-fetch-site": site });
    expect(isCrossSite(headers, url)).toBe(expected);
  });

  it("lets a request with no browser headers through: no page can have sent it", () => {
    expect(isCrossSite(new Headers({ host: "relay.example:3000" }), url)).toBe(false);
  });
});

describe("isMutation", () => {
  it.each([
    ["GET", false],
    ["HEAD", false],
    ["OPTIONS", false],
    ["POST", true],
    ["put", true],
    ["PATCH", true],
    ["DELETE", true],
  ])("%s", (method, expected) => expect(isMutation(method)).toBe(expected));
});

describe("safeNextPath", () => {
  it.each([
    ["/deliveries?status=dead", "/deliveries?status=dead"],
    ["/", "/"],
    [null, "/"],
    ["", "/"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["javascript:alert(1)", "/"],
    // The URL parser drops tab, CR and LF, and reads a backslash as a slash.
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    ["/\r/evil.example", "/"],
    ["/\t\\evil.example", "/"],
    ["/\t/\t/evil.example", "/"],
    ["/endpoints/\tep_1?tab=health#top", "/endpoints/ep_1?tab=health#top"],
  ])("%j → %s", (input, expected) => expect(safeNextPath(input)).toBe(expected));
});
