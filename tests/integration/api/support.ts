import { vi } from "vitest";
import type { Db } from "@/lib/db/client";

export type IdContext = { params: Promise<{ id: string }> };

export function idContext(id: string): IdContext {
  return { params: Promise.resolve({ id }) };
}

export function jsonRequest(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

/**
 * Points a fresh copy of the app's modules at the test database, the way a server
 * process would start: route modules imported after this see these settings. Returns
 * the cleanup that closes the database the fresh modules opened.
 */
export async function freshApp(url: string, allowPrivateDestinations: boolean): Promise<() => Promise<void>> {
  vi.resetModules();
  vi.stubEnv("DATABASE_URL", url);
  vi.stubEnv("HOOKRELAY_ALLOW_PRIVATE_DESTINATIONS", String(allowPrivateDestinations));
  const { getReadyDb } = await import("@/lib/db/ready");
  return async () => {
    await (await getReadyDb()).close();
    vi.unstubAllEnvs();
  };
}

export async function responseJson<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** Deletes what the delivery tests create, children first, so a test starts from nothing. */
export async function clearDeliveryData(db: Db): Promise<void> {
  await db.prisma.deadLetter.deleteMany();
  await db.prisma.deliveryAttempt.deleteMany();
  await db.prisma.delivery.deleteMany();
  await db.prisma.message.deleteMany();
  await db.prisma.endpoint.deleteMany();
  await db.prisma.retryPolicy.deleteMany({ where: { isDefault: false } });
}
