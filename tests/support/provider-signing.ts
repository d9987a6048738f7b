// Requests signed the way each provider signs them: with the provider's own library where
// npm has one (Stripe, GitHub's Octokit, Svix, Standard Webhooks) and with the documented
// algorithm where it has none (Shopify, Slack).
import { createHmac } from "node:crypto";
import { sign as octokitSign } from "@octokit/webhooks-methods";
import { Webhook as StandardWebhook } from "standardwebhooks";
import Stripe from "stripe";
import { Webhook as SvixWebhook } from "svix";

export interface Signed {
  body: string | Uint8Array;
  headers: Record<string, string>;
}

const stripeClient = new Stripe("sk_test_hookrelay_offline");
const seconds = (at: number) => Math.floor(at / 1000);

export function stripeSigned(secret: string, body: string, at = Date.now()): Signed {
  return { body, headers: { "stripe-signature": stripeClient.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: seconds(at) }) } };
}

export async function githubSigned(secret: string, body: string, headers: Record<string, string>): Promise<Signed> {
  return { body, headers: { "x-hub-signature-256": await octokitSign(secret, body), ...headers } };
}

/** Shopify's documented scheme: base64 HMAC-SHA256 of the raw body with the app's secret. */
export function shopifySigned(secret: string, body: string, headers: Record<string, string>): Signed {
  return { body, headers: { "x-shopify-hmac-sha256": createHmac("sha256", secret).update(body).digest("base64"), ...headers } };
}

/** Slack's documented scheme: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>`. */
export function slackSigned(secret: string, body: string, at = Date.now(), headers: Record<string, string> = {}): Signed {
  const ts = String(seconds(at));
  return { body, headers: { "x-slack-request-timestamp": ts, "x-slack-signature": `v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`, ...headers } };
}

export function svixSigned(secret: string, id: string, body: string, at = Date.now()): Signed {
  const date = new Date(seconds(at) * 1000);
  return { body, headers: { "svix-id": id, "svix-timestamp": String(seconds(at)), "svix-signature": new SvixWebhook(secret).sign(id, date, body) } };
}

export function standardSigned(secret: string, id: string, body: string, at = Date.now()): Signed {
  const date = new Date(seconds(at) * 1000);
  return { body, headers: { "webhook-id": id, "webhook-timestamp": String(seconds(at)), "webhook-signature": new StandardWebhook(secret).sign(id, date, body) } };
}

export const json = (headers: Record<string, string>) => ({ "content-type": "application/json", ...headers });
export const form = (headers: Record<string, string>) => ({ "content-type": "application/x-www-form-urlencoded", ...headers });
