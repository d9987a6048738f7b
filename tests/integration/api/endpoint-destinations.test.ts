import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import { createEndpoint } from "@/lib/delivery/create-endpoint";
import { endpointCreateSchema } from "@/lib/delivery/endpoint-schema";
import { updateEndpoint } from "@/lib/delivery/update-endpoint";
import { testProviders, useTestDatabase } from "../../support/databases";
import { clearDeliveryData, freshApp, idContext, jsonRequest, responseJson } from "./support";

const closed = { allowPrivate: false };
const open = { allowPrivate: true };

/** One URL per address class that must never be a destination, and the refusal naming the class in words. */
const REFUSED: [url: string, refusal: string][] = [
  ["http://127.0.0.1/hook", "Destination refused: 127.0.0.1 is a loopback address (this machine); only public internet addresses are allowed"],
  ["http://10.1.2.3/hook", "Destination refused: 10.1.2.3 is a private network address; only public internet addresses are allowed"],
  ["http://172.16.0.5/hook", "Destination refused: 172.16.0.5 is a private network address; only public internet addresses are allowed"],
  ["http://192.168.1.10/hook", "Destination refused: 192.168.1.10 is a private network address; only public internet addresses are allowed"],
  ["http://169.254.169.254/latest/meta-data", "Destination refused: 169.254.169.254 is a link-local address (cloud metadata services answer there); only public internet addresses are allowed"],
  ["http://100.64.0.1/hook", "Destination refused: 100.64.0.1 is a carrier-grade NAT address; only public internet addresses are allowed"],
  ["http://224.0.0.1/hook", "Destination refused: 224.0.0.1 is a multicast address; only public internet addresses are allowed"],
  ["http://[::1]/hook", "Destination refused: ::1 is a loopback address (this machine); only public internet addresses are allowed"],
  ["http://[fe80::1]/hook", "Destination refused: fe80::1 is a link-local address (cloud metadata services answer there); only public internet addresses are allowed"],
  ["http://[fc00::1]/hook", "Destination refused: fc00::1 is a private network address (IPv6 unique local); only public internet addresses are allowed"],
  ["http://[::ffff:127.0.0.1]/hook", "Destination refused: ::ffff:7f00:1 is a loopback address (this machine); only public internet addresses are allowed"],
];

const PUBLIC_URL = "https://93.184.215.14/hook";

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  expect(err.code).toBe("validation_failed");
  expect(err.status).toBe(400);
  return err.details;
}

describe.each(testProviders())("endpoint destinations on %s", (provider) => {
  const t = useTestDatabase(provider);

  beforeEach(() => clearDeliveryData(t.db));

  const create = (url: string, policy: { allowPrivate: boolean }) => createEndpoint(t.db, endpointCreateSchema.parse({ url }), policy, "system");

  describe("when private destinations are not allowed", () => {
    it.each(REFUSED)("refuses %s", async (url, message) => {
      expect(await refusal(create(url, closed))).toEqual([{ path: "url", message }]);
      expect(await t.db.prisma.endpoint.count()).toBe(0);
    });

    it("refuses a host name that resolves to loopback", async () => {
      const details = (await refusal(create("http://localhost:3000/hook", closed))) as { path: string; message: string }[];
      expect(details).toHaveLength(1);
      expect(details[0].path).toBe("url");
      expect(details[0].message).toMatch(/^Destination refused: localhost resolves to (127\.0\.0\.1|::1) is a loopback address \(this machine\); only public internet addresses are allowed$/);
      expect(await t.db.prisma.endpoint.count()).toBe(0);
    });

    it("refuses credentials in the URL", async () => {
      expect(await refusal(create("https://user:pw@93.184.215.14/hook", closed))).toEqual([
        { path: "url", message: "Credentials in the URL are not allowed; use the endpoint secret" },
      ]);
    });

    it("accepts a public address", async () => {
      const e = await create(PUBLIC_URL, closed);
      expect(e.url).toBe(PUBLIC_URL);
      expect(await t.db.prisma.endpoint.count()).toBe(1);
    });

    it("refuses moving an endpoint to a private address and keeps the old URL", async () => {
      const e = await create(PUBLIC_URL, closed);
      expect(await refusal(updateEndpoint(t.db, e.id, { url: "http://10.0.0.1/" }, closed, "system"))).toEqual([
        { path: "url", message: "Destination refused: 10.0.0.1 is a private network address; only public internet addresses are allowed" },
      ]);
      expect((await t.db.prisma.endpoint.findUniqueOrThrow({ where: { id: e.id } })).url).toBe(PUBLIC_URL);
    });
  });

  describe("when private destinations are allowed", () => {
    it("accepts every address class", async () => {
      for (const [url] of REFUSED) await create(url, open);
      await create("http://localhost:3000/hook", open);
      expect(await t.db.prisma.endpoint.count()).toBe(REFUSED.length + 1);
    });

    it("still refuses credentials in the URL", async () => {
      expect(await refusal(create("http://user:pw@127.0.0.1/hook", open))).toEqual([
        { path: "url", message: "Credentials in the URL are not allowed; use the endpoint secret" },
      ]);
    });
  });

  describe("routes with HOOKRELAY_ALLOW_PRIVATE_DESTINATIONS unset", () => {
    let close: () => Promise<void>;
    beforeAll(async () => {
      close = await freshApp(t.url, false);
    });
    afterAll(() => close());

    it("answers 400 on the url field for create and update", async () => {
      const collection = await import("@/app/api/endpoints/route");
      const item = await import("@/app/api/endpoints/[id]/route");
      const res = await collection.POST(jsonRequest("POST", "/api/endpoints", { url: "http://169.254.169.254/" }), undefined);
      expect(res.status).toBe(400);
      expect(await responseJson(res)).toEqual({
        error: {
          code: "validation_failed",
          message: "Destination refused: 169.254.169.254 is a link-local address (cloud metadata services answer there); only public internet addresses are allowed",
          details: [{ path: "url", message: "Destination refused: 169.254.169.254 is a link-local address (cloud metadata services answer there); only public internet addresses are allowed" }],
        },
      });

      const ok = await collection.POST(jsonRequest("POST", "/api/endpoints", { url: PUBLIC_URL }), undefined);
      expect(ok.status).toBe(201);
      const { id } = await responseJson<{ id: string }>(ok);
      const moved = await item.PATCH(jsonRequest("PATCH", `/api/endpoints/${id}`, { url: "http://[::1]:8080/" }), idContext(id));
      expect(moved.status).toBe(400);
      expect(await responseJson(moved)).toMatchObject({ error: { details: [{ path: "url", message: "Destination refused: ::1 is a loopback address (this machine); only public internet addresses are allowed" }] } });
    });
  });

  describe("routes with HOOKRELAY_ALLOW_PRIVATE_DESTINATIONS=true", () => {
    let close: () => Promise<void>;
    beforeAll(async () => {
      close = await freshApp(t.url, true);
    });
    afterAll(() => close());

    it("accepts a private destination", async () => {
      const collection = await import("@/app/api/endpoints/route");
      const res = await collection.POST(jsonRequest("POST", "/api/endpoints", { url: "http://169.254.169.254/" }), undefined);
      expect(res.status).toBe(201);
      expect(await t.db.prisma.endpoint.count()).toBe(1);
    });
  });
});
