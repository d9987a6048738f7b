// Liveness: answers without touching the database (GET /api/health checks the database).
// POST reads and discards its body so a benchmark can compare it with /api/webhook like for like.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ ok: true });
}

export async function POST(req: Request): Promise<Response> {
  await req.arrayBuffer();
  return Response.json({ ok: true });
}
