import { describe, expect, it } from "vitest";
import { allowedMethods, findApiRoute, refuseUnroutable, type ApiRoute } from "@/lib/http/route-match";

const ROUTES: ApiRoute[] = [
  { path: "/api/dlq", methods: ["GET"] },
  { path: "/api/dlq/[id]", methods: ["GET"] },
  { path: "/api/dlq/reprocess", methods: ["POST"] },
  { path: "/api/dlq/reprocess/[job]", methods: ["GET"] },
  { path: "/api/files/[...rest]", methods: ["GET"] },
];

describe("API route matching", () => {
  it("prefers a fixed segment over a parameter, as Next.js does", () => {
    expect(findApiRoute("/api/dlq/reprocess", ROUTES)?.path).toBe("/api/dlq/reprocess");
    expect(findApiRoute("/api/dlq/dl_1", ROUTES)?.path).toBe("/api/dlq/[id]");
    expect(findApiRoute("/api/dlq/reprocess/job_1", ROUTES)?.path).toBe("/api/dlq/reprocess/[job]");
  });

  it("matches a catch-all on one or more segments, and nothing else past a route's end", () => {
    expect(findApiRoute("/api/files/a/b/c", ROUTES)?.path).toBe("/api/files/[...rest]");
    expect(findApiRoute("/api/files", ROUTES)).toBeNull();
    expect(findApiRoute("/api/dlq/dl_1/extra", ROUTES)).toBeNull();
  });

  it("allows HEAD with GET, and OPTIONS everywhere", () => {
    expect(allowedMethods({ path: "/x", methods: ["GET", "PATCH"] })).toEqual(["GET", "HEAD", "PATCH", "OPTIONS"]);
    expect(allowedMethods({ path: "/x", methods: ["POST"] })).toEqual(["POST", "OPTIONS"]);
  });

  it("refuses malformed percent-encoding anywhere, and under /api unknown paths and methods", () => {
    expect(refuseUnroutable("GET", "/api/dlq/%ff", ROUTES)?.error.status).toBe(400);
    expect(refuseUnroutable("GET", "/dead-letters/%E0%A4%A", ROUTES)?.error.status).toBe(400);
    expect(refuseUnroutable("GET", "/api/nope", ROUTES)?.error.status).toBe(404);
    const wrong = refuseUnroutable("DELETE", "/api/dlq/reprocess", ROUTES);
    expect(wrong?.error.status).toBe(405);
    expect(wrong?.headers).toEqual({ Allow: "POST, OPTIONS" });
    expect(refuseUnroutable("get", "/api/dlq/%E2%9C%93", ROUTES)).toBeNull();
    expect(refuseUnroutable("GET", "/deliveries/unknown-page", ROUTES)).toBeNull();
  });
});
