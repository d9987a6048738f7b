import { describe, expect, it } from "vitest";
import { addressClass, assertDestinationAllowed, DestinationRefusedError, guardedLookup, isBlockedAddress } from "@/lib/delivery/ssrf";

describe("address classes", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["::1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["fe80::1", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["fc00::1", "uniqueLocal"],
    ["0.0.0.0", "unspecified"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["100.100.100.200", "metadata"],
  ])("%s is %s and blocked", (address, cls) => {
    expect(addressClass(address)).toBe(cls);
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each(["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("%s is public", (address) => {
    expect(isBlockedAddress(address)).toBe(false);
  });

  // The URL parser writes [::127.0.0.1] as [::7f00:1], which ipaddr.js calls plain unicast.
  it.each([
    ["::7f00:1", "loopback"],
    ["::a9fe:a9fe", "linkLocal"],
    ["::a00:1", "private"],
    ["::ffff:0:a00:1", "private"],
    ["64:ff9b::7f00:1", "loopback"],
    ["64:ff9b:1::a9fe:a9fe", "linkLocal"],
    ["2002:c0a8:101::1", "private"],
    ["2001:0:a00:1::ffff:ffff", "private"],
    ["2001:0:808:808::80ff:fffe", "loopback"],
  ])("%s carries a %s IPv4 address and is blocked", (address, cls) => {
    expect(addressClass(address)).toBe(cls);
    expect(isBlockedAddress(address)).toBe(true);
  });

  it("finds no IPv4 address in the unspecified and loopback IPv6 addresses", () => {
    expect(addressClass("::")).toBe("unspecified");
    expect(addressClass("::1")).toBe("loopback");
  });
});

describe("destination checks", () => {
  it("refuses non-http schemes, credentials and unparseable URLs", async () => {
    for (const url of ["ftp://example.com/x", "file:///etc/passwd", "not a url", "http://user:pw@example.com/"]) {
      await expect(assertDestinationAllowed(url, { allowPrivate: true })).rejects.toMatchObject({ kind: "invalid_url" });
    }
  });

  it("refuses literal private addresses and hostnames that resolve to them", async () => {
    await expect(assertDestinationAllowed("http://10.0.0.5/hook", { allowPrivate: false })).rejects.toBeInstanceOf(DestinationRefusedError);
    await expect(assertDestinationAllowed("http://[::1]:8080/hook", { allowPrivate: false })).rejects.toMatchObject({ kind: "ssrf_blocked" });
    await expect(assertDestinationAllowed("http://localhost:8080/hook", { allowPrivate: false })).rejects.toThrow(/localhost resolves to .* loopback/);
  });

  it("allows them when private destinations are allowed", async () => {
    await expect(assertDestinationAllowed("http://127.0.0.1:9/hook", { allowPrivate: true })).resolves.toBeInstanceOf(URL);
  });

  it("the connect-time lookup hands the socket no blocked address", async () => {
    const lookup = guardedLookup({ allowPrivate: false });
    const err = await new Promise<NodeJS.ErrnoException | null>((resolve) => lookup("localhost", {}, (e) => resolve(e)));
    expect(err?.code).toBe("ESSRFBLOCKED");
    const allowed = await new Promise<string>((resolve, reject) =>
      guardedLookup({ allowPrivate: true })("localhost", {}, (e, address) => (e ? reject(e) : resolve(String(address)))),
    );
    expect(["127.0.0.1", "::1"]).toContain(allowed);
  });
});
