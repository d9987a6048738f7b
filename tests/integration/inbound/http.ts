// Helpers for inbound tests through the built app: sources made with the operator API,
// webhooks posted as a provider posts them, records read back from the database.
import { expect } from "vitest";
import type { TestApp } from "@/tests/support/app-server";
import type { Signed } from "@/tests/support/provider-signing";

export interface CreatedSource {
  id: string;
  name: string;
  provider: string;
  secret: string | null;
  webhookPath: string;
}

export async function createSource(app: TestApp, input: Record<string, unknown>): Promise<CreatedSource> {
  const res = await app.operator.json("POST", "/api/sources", input);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as CreatedSource;
}

export async function rotateSecret(app: TestApp, id: string, body: Record<string, unknown>): Promise<{ secret: string }> {
  const res = await app.operator.json("POST", `/api/sources/${id}/rotate-secret`, body);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { secret: string };
}

export interface Answer {
  status: number;
  replayed: boolean;
  headers: Headers;
  json: Record<string, unknown>;
}

/** POSTs a signed request to a source's URL, as the provider would. */
export async function send(app: TestApp, source: string, signed: Signed, contentType = "application/json"): Promise<Answer> {
  const res = await app.postWebhook(signed.body, { "content-type": contentType, ...signed.headers }, source === "default" ? undefined : source);
  const text = await res.text();
  return { status: res.status, replayed: res.headers.get("idempotent-replayed") === "true", headers: res.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export function recordsOf(app: TestApp, sourceName: string) {
  return app.db.prisma.inboundEvent.findMany({ where: { source: { name: sourceName } }, orderBy: { receivedAt: "asc" } });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds: for what the server writes in the background. Fails after ~10 s. */
export async function until<T>(check: () => Promise<T | undefined | false>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await check();
    if (value) return value;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

export const uniqueName = (prefix: string) => `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
