/**
 * The client's address as the outermost proxy saw it, for throttling only. Next.js fills
 * X-Forwarded-For with the socket's address when no proxy did; a client talking to Next
 * directly can forge it, which is why the per-operator lockout, not this, is the guard
 * that cannot be dodged.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
