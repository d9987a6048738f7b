import { PRESET_INFO } from "@/lib/inbound/providers/catalog";
import { PROVIDER_IDS, type FieldRule, type PresetInfo, type ProviderId } from "@/lib/inbound/providers/types";

/** How the dashboard names where a key or a type is read. Pure, so the wording is tested. */
export function ruleLabel(rule: FieldRule | string): string {
  if (rule.startsWith("header.")) return `${rule.slice("header.".length)} header`;
  if (rule.startsWith("body.")) return `body ${rule.slice("body.".length)}`;
  return rule === "content_hash" ? "content hash" : rule;
}

/** "a, then b, else a hash of the content": the rules in the order they are tried. */
export function keyRulesText(info: Pick<PresetInfo, "keyRules">): string {
  return `${info.keyRules.map(ruleLabel).join(", then ")}, else a hash of the content`;
}

export function typeRulesText(info: Pick<PresetInfo, "typeRules">): string {
  return info.typeRules.map(ruleLabel).join(", then ");
}

export const PRESET_OPTIONS: PresetInfo[] = PROVIDER_IDS.map((id) => PRESET_INFO[id]);

export function presetInfo(provider: string): PresetInfo | undefined {
  return Object.hasOwn(PRESET_INFO, provider) ? PRESET_INFO[provider as ProviderId] : undefined;
}

export function presetLabel(provider: string): string {
  return presetInfo(provider)?.label ?? provider;
}

/** Splits the catalog's `code` spans out of a sentence, for rendering: odd parts are code. */
export function codeSpans(text: string): string[] {
  return text.split("`");
}

/** Whether a source of this preset cannot check anything yet: its provider makes the secret and none is set. */
export function awaitsSecret(provider: string, secretHint: string | null): boolean {
  return presetInfo(provider)?.secretOrigin !== "none" && secretHint === null;
}
