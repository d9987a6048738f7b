import { describe, expect, it } from "vitest";
import { successRateTone } from "@/components/ui/tone";

describe("successRateTone", () => {
  it.each([
    [null, "neutral"],
    [1, "success"],
    [0.99, "success"],
    [0.9899, "warning"],
    [0.9, "warning"],
    [0.5, "danger"],
  ] as const)("%s → %s", (rate, tone) => expect(successRateTone(rate)).toBe(tone));
});
