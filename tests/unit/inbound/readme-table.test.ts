import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { keyRulesText, PRESET_OPTIONS, typeRulesText } from "@/components/inbound/presets";

/** The README's provider table row for each preset, in the catalog's own words, so the two cannot drift apart. */
export function providerTableRows(): string[] {
  return PRESET_OPTIONS.map((p) => `| ${p.label} (\`${p.id}\`) | ${p.summary.verified} | ${keyRulesText(p)} | ${typeRulesText(p)} |`);
}

describe("the README's provider table", () => {
  it("has one row per preset, as the catalog describes it", () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, "../../../README.md"), "utf8");
    for (const row of providerTableRows()) expect(readme).toContain(row);
  });
});
