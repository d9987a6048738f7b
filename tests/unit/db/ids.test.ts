import { describe, expect, it } from "vitest";
import { newId } from "@/lib/db/ids";

describe("newId", () => {
  it("makes distinct cuid-shaped ids across many refills of its random pool, ordered by time first", () => {
    const now = Date.UTC(2026, 10, 29);
    const ids = Array.from({ length: 5_000 }, () => newId(now));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(new RegExp(`^c${now.toString(36)}[0-9a-z]{4}[0-9a-z]{13}$`));
    // The random tails differ, not just the counter: the pool hands out fresh bytes each time.
    expect(new Set(ids.map((id) => id.slice(-13))).size).toBe(ids.length);
    expect(newId(now + 1) > newId(now)).toBe(true);
  });
});
