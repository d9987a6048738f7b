import type { FieldRule, PresetInfo, ProviderId } from "./types";

/**
 * For senders without a preset: the explicit id headers first (a sender that sets one means
 * it), then the body's own id. X-Request-Id is deliberately absent: proxies (nginx, Heroku,
 * Envoy) and Hookrelay's own proxy set a new one on every request.
 */
const GENERIC_KEY_RULES: readonly FieldRule[] = ["header.webhook-id", "header.idempotency-key", "header.x-event-id", "body.id", "body.event_id"];
const GENERIC_TYPE_RULES: readonly FieldRule[] = ["body.type", "body.event_type", "body.eventType", "body.event", "header.x-event-type", "header.x-github-event", "header.x-webhook-event"];
const GENERIC_HEADERS = ["webhook-id", "webhook-timestamp", "webhook-attempt", "idempotency-key", "x-event-id", "x-event-type", "x-webhook-event", "x-delivery-attempt", "x-webhook-attempt", "x-attempt"];
const STANDARD_HEADERS = ["webhook-id", "webhook-timestamp", "svix-id", "svix-timestamp"];

/**
 * Every preset, from its provider's documentation: how requests are signed, which value
 * identifies an event across redeliveries, where its type is, which headers matter.
 */
export const PRESET_INFO: Record<ProviderId, PresetInfo> = {
  stripe: {
    id: "stripe",
    label: "Stripe",
    secretOrigin: "provider",
    secretFormat: "text",
    secretHelp: "The endpoint's signing secret (whsec_…), shown in the Stripe dashboard under Developers → Webhooks once the endpoint is added.",
    acceptsForm: false,
    keyRules: ["body.id"],
    typeRules: ["body.type"],
    providerHeaders: [],
    summary: {
      verified: "HMAC-SHA256 of `t.body` in `Stripe-Signature` (`t=…,v1=…`), timestamp within 5 minutes",
      setup: "Add an endpoint in the Stripe dashboard with this URL, then paste its signing secret here.",
    },
  },
  github: {
    id: "github",
    label: "GitHub",
    secretOrigin: "generated",
    secretFormat: "text",
    secretHelp: "Paste this secret into the webhook's Secret field on GitHub.",
    acceptsForm: true,
    // A redelivery from GitHub's settings keeps its X-GitHub-Delivery.
    keyRules: ["header.x-github-delivery"],
    typeRules: ["header.x-github-event"],
    providerHeaders: ["x-github-event", "x-github-delivery", "x-github-hook-id", "x-github-hook-installation-target-id", "x-github-hook-installation-target-type"],
    summary: {
      verified: "HMAC-SHA256 of the body in `X-Hub-Signature-256` (`sha256=` hex); JSON or form (`payload=`) bodies",
      setup: "Add a webhook on GitHub with this URL and the secret below; either content type works.",
    },
  },
  shopify: {
    id: "shopify",
    label: "Shopify",
    secretOrigin: "provider",
    secretFormat: "text",
    secretHelp: "The app's client secret (Partner dashboard → App setup), or the key shown under Settings → Notifications → Webhooks for webhooks made in the Shopify admin.",
    acceptsForm: false,
    // The body's `id` is the order's or product's, shared by every webhook about it: only the event id tells events apart.
    keyRules: ["header.x-shopify-event-id", "header.x-shopify-webhook-id"],
    typeRules: ["header.x-shopify-topic"],
    providerHeaders: ["x-shopify-topic", "x-shopify-shop-domain", "x-shopify-api-version", "x-shopify-event-id", "x-shopify-webhook-id", "x-shopify-triggered-at"],
    summary: {
      verified: "HMAC-SHA256 of the body, base64, in `X-Shopify-Hmac-Sha256`",
      setup: "Subscribe to topics with this URL (app configuration or Shopify admin), then paste the signing secret here.",
    },
  },
  slack: {
    id: "slack",
    label: "Slack",
    secretOrigin: "provider",
    secretFormat: "text",
    secretHelp: "The app's Signing Secret, under Basic Information → App Credentials on api.slack.com.",
    acceptsForm: true,
    // Events API retries keep event_id; commands and interactions carry a trigger_id of their own.
    keyRules: ["body.event_id", "body.trigger_id"],
    typeRules: ["body.event.type", "body.command", "body.type"],
    providerHeaders: ["x-slack-request-timestamp", "x-slack-retry-num", "x-slack-retry-reason"],
    summary: {
      verified:
        "HMAC-SHA256 of `v0:timestamp:body` in `X-Slack-Signature` (`v0=` hex), `X-Slack-Request-Timestamp` within 5 minutes; JSON events, form commands and `payload=` interactions",
      setup: "Paste the app's signing secret here first, then use this URL as the Event Subscriptions request URL, a slash command's URL or the interactivity URL: the url_verification challenge is answered.",
    },
  },
  svix: {
    id: "svix",
    label: "Svix (Clerk, Resend, …)",
    secretOrigin: "provider",
    secretFormat: "whsec",
    secretHelp: "The endpoint's signing secret (whsec_…) from the sender's webhook settings, e.g. Clerk's or Resend's dashboard.",
    acceptsForm: false,
    keyRules: ["header.svix-id", "header.webhook-id"],
    typeRules: ["body.type"],
    providerHeaders: STANDARD_HEADERS,
    summary: {
      verified: "HMAC-SHA256 of `id.timestamp.body` with the `whsec_` key in `svix-signature` (or `webhook-signature`), timestamp within 5 minutes",
      setup: "Add an endpoint with this URL in the sender's dashboard, then paste its signing secret here.",
    },
  },
  standard_webhooks: {
    id: "standard_webhooks",
    label: "Standard Webhooks",
    secretOrigin: "generated",
    secretFormat: "whsec",
    secretHelp: "Give this secret to the sender; it signs with it. A secret the sender made (whsec_…) can be pasted instead.",
    acceptsForm: false,
    keyRules: ["header.webhook-id", "header.svix-id"],
    typeRules: ["body.type"],
    providerHeaders: STANDARD_HEADERS,
    summary: {
      verified: "HMAC-SHA256 of `id.timestamp.body` with the `whsec_` key in `webhook-signature` (or `svix-signature`), timestamp within 5 minutes",
      setup: "Give the sender this URL and the secret below.",
    },
  },
  custom: {
    id: "custom",
    label: "Custom HMAC",
    secretOrigin: "generated",
    secretFormat: "text",
    secretHelp: "Give this secret to the sender, or paste the one it uses.",
    acceptsForm: false,
    keyRules: GENERIC_KEY_RULES,
    typeRules: GENERIC_TYPE_RULES,
    providerHeaders: GENERIC_HEADERS,
    summary: {
      verified: "HMAC-SHA256 of the body in a header you name, after a prefix you name, hex or base64",
      setup: "Have the sender sign the raw body with the secret below and send the digest in the header you chose.",
    },
  },
  none: {
    id: "none",
    label: "None (unsigned)",
    secretOrigin: "none",
    secretFormat: "text",
    secretHelp: "",
    acceptsForm: false,
    keyRules: GENERIC_KEY_RULES,
    typeRules: GENERIC_TYPE_RULES,
    providerHeaders: GENERIC_HEADERS,
    summary: {
      verified: "nothing: anyone who knows the URL can post",
      setup: "Fine behind a private network; choose a signing preset for anything on the internet.",
    },
  },
};

/** Stored values from before presets existed: the configurable HMAC scheme is now `custom`. */
const LEGACY: Record<string, ProviderId> = { hmac_sha256: "custom" };

/** The preset id of a stored source; undefined for a value this version does not know. */
export function providerIdOf(stored: string): ProviderId | undefined {
  if (Object.hasOwn(PRESET_INFO, stored)) return stored as ProviderId;
  return Object.hasOwn(LEGACY, stored) ? LEGACY[stored] : undefined;
}

export const DEFAULT_CUSTOM_HEADER = "x-signature-256";
export const DEFAULT_CUSTOM_PREFIX = "sha256=";
