import { describe, expect, it } from "vitest";
import { newerCursor, pageNumber, rememberStep, type CursorTrail } from "@/components/ui/cursor-trail";

describe("cursor trail", () => {
  it("walks back the way it came, page by page", () => {
    let trail: CursorTrail = new Map();
    trail = rememberStep(trail, null, "c1");
    trail = rememberStep(trail, "c1", "c2");
    expect(pageNumber(trail, null)).toBe(1);
    expect(pageNumber(trail, "c1")).toBe(2);
    expect(pageNumber(trail, "c2")).toBe(3);
    expect(newerCursor(trail, "c2")).toBe("c1");
    expect(newerCursor(trail, "c1")).toBeNull();
    expect(newerCursor(trail, null)).toBeNull();
  });

  it("returns to the newest page from a page opened by link, and does not guess its number", () => {
    const trail: CursorTrail = new Map();
    expect(newerCursor(trail, "shared")).toBeNull();
    expect(pageNumber(trail, "shared")).toBeNull();
  });

  it("keeps the same map when a step is already known, and never loops", () => {
    const trail = rememberStep(new Map(), null, "c1");
    expect(rememberStep(trail, null, "c1")).toBe(trail);
    const looped: CursorTrail = new Map([
      ["a", "b"],
      ["b", "a"],
    ]);
    expect(pageNumber(looped, "a")).toBeNull();
  });
});
