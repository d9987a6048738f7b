import { describe, expect, it } from "vitest";
import { clientAddress, PEER_ADDRESS_HEADER } from "@/lib/auth/client-address";

const headers = (h: Record<string, string>) => new Headers(h);

describe("the client address", () => {
  it("is the socket's peer by default, whatever X-Forwarded-For says", () => {
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: "203.0.113.5", "x-forwarded-for": "1.2.3.4" }), 0)).toBe("203.0.113.5");
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: "::ffff:203.0.113.5" }), 0)).toBe("203.0.113.5");
    expect(clientAddress(headers({ "x-forwarded-for": "1.2.3.4" }), 0)).toBe("unknown");
  });

  it("behind N trusted proxies, is the Nth entry of X-Forwarded-For from the right", () => {
    const forged = headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 203.0.113.5, 10.0.0.1" });
    expect(clientAddress(forged, 1)).toBe("10.0.0.1");
    expect(clientAddress(forged, 2)).toBe("203.0.113.5");
    // A chain shorter than the proxies said: the leftmost entry is the best there is.
    expect(clientAddress(forged, 5)).toBe("6.6.6.6");
    expect(clientAddress(headers({ [PEER_ADDRESS_HEADER]: "10.0.0.2" }), 1)).toBe("10.0.0.2");
  });
});
