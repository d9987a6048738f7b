/** The provider presets a source can take; `custom` is a configurable HMAC, `none` checks nothing. */
export const PROVIDER_IDS = ["stripe", "github", "shopify", "slack", "svix", "standard_webhooks", "custom", "none"] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

export const SIGNATURE_ENCODINGS = ["hex", "base64"] as const;
export type SignatureEncoding = (typeof SIGNATURE_ENCODINGS)[number];

/** The `custom` preset's settings; the other presets ignore them. */
export interface CustomSigning {
  header: string;
  prefix: string;
  /** Null accepts either encoding. */
  encoding: SignatureEncoding | null;
}

/** What a signature is checked against: the exact bytes received and the secrets in force. */
export interface SignedRequest {
  body: Uint8Array;
  headers: Headers;
  secrets: readonly string[];
  /** Epoch ms, from the caller's clock. */
  now: number;
  custom: CustomSigning;
}

/** A verified request's body as JSON: form bodies are already turned into JSON here. */
export interface ReceivedEvent {
  headers: Headers;
  body: Record<string, unknown>;
  /** The JSON text `body` was parsed from, read again where exact numbers matter. */
  text: string;
}

/**
 * Where a key or an event type is read: `header.<name>`, or `body.<field>` with dots
 * for nested fields (`body.event.type`). The rule is stored with the event as its key source.
 */
export type FieldRule = `header.${string}` | `body.${string}`;

/** The answer to a set-up request (Slack's url_verification): sent back, never stored as an event. */
export interface Handshake {
  status: number;
  body: string;
}

/** How a secret is shaped: the Standard Webhooks `whsec_` + base64 key, or any text. */
export type SecretFormat = "whsec" | "text";

/** What a preset is, without the code that checks it: safe to show in the browser. */
export interface PresetInfo {
  id: ProviderId;
  label: string;
  /** Who makes the secret: Hookrelay can generate one, or only the provider shows it. */
  secretOrigin: "none" | "generated" | "provider";
  secretFormat: SecretFormat;
  /** Where an operator finds the secret the provider made, or what to do with a generated one. */
  secretHelp: string;
  acceptsForm: boolean;
  /** Tried in order; the content hash stands in when none gives a value. */
  keyRules: readonly FieldRule[];
  typeRules: readonly FieldRule[];
  /** The provider's headers worth keeping with the event and forwarding to endpoints. */
  providerHeaders: readonly string[];
  /** One line each for the README table and the preset picker. */
  summary: { verified: string; setup: string };
}

export interface PresetBehaviour {
  verify(req: SignedRequest): SignatureCheck;
  attempt(headers: Headers): number | null;
  handshake?(event: ReceivedEvent): Handshake | null;
}

export type ProviderPreset = PresetInfo & PresetBehaviour;
