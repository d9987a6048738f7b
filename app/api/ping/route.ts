import { toAppError } from "@/lib/errors/to-app-error";
import { errorResponse, readJson } from "@/lib/http/handler";

// Liveness: answers without touching the database (GET /api/health checks the database).
// POST reads and parses its body under the limits /api/webhook applies, then drops it, so
// a benchmark can compare the two like for like.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ ok: true });
}

export async function POST(req: Request): Promise<Response> {
  try {
    await readJson(req);
  } catch (err) {
    return errorResponse(toAppError(err));
  }
  return Response.json({ ok: true });
}
