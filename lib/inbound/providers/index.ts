import { PRESET_INFO, providerIdOf } from "./catalog";
import { custom, none } from "./generic";
import { github } from "./github";
import { shopify } from "./shopify";
import { slack } from "./slack";
import { standardWebhooks } from "./standard-webhooks";
import { stripe } from "./stripe";
import type { PresetBehaviour, ProviderId, ProviderPreset } from "./types";

const BEHAVIOUR: Record<ProviderId, PresetBehaviour> = {
  stripe,
  github,
  shopify,
  slack,
  svix: standardWebhooks,
  standard_webhooks: standardWebhooks,
  custom,
  none,
};

export const PRESETS = Object.fromEntries(Object.entries(PRESET_INFO).map(([id, info]) => [id, { ...info, ...BEHAVIOUR[id as ProviderId] }])) as Record<ProviderId, ProviderPreset>;

/** The preset of a stored source; undefined for a value this version does not know (refused, never unchecked). */
export function presetOf(stored: string): ProviderPreset | undefined {
  const id = providerIdOf(stored);
  return id && PRESETS[id];
}
