import { describe, expect, it } from "vitest";
import { recordedHeaders } from "@/lib/delivery/recorded-headers";

describe("headers kept with an attempt", () => {
  it("keeps names lower-case and values as sent, joining repeated ones", () => {
    expect(JSON.parse(recordedHeaders({ "Content-Type": "application/json", vary: ["accept", "origin"] }))).toEqual({ "content-type": "application/json", vary: "accept, origin" });
  });

  it("masks signatures and credentials, keeping only their first characters", () => {
    const kept = JSON.parse(recordedHeaders({ "webhook-signature": "v1,abcdefgh", authorization: "Bearer secret", "set-cookie": ["a=1", "b=2"] }));
    expect(kept).toEqual({ "webhook-signature": "v1,… (masked)", authorization: "Bea… (masked)", "set-cookie": "a=1… (masked)" });
  });

  it("bounds what one answer can make it store", () => {
    const many = Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`x-h${i}`, "v".repeat(2_000)]));
    const kept = JSON.parse(recordedHeaders(many)) as Record<string, string>;
    expect(Object.keys(kept)).toHaveLength(50);
    expect(kept["x-h0"]).toHaveLength(500);
  });
});
