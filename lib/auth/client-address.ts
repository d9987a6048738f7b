/**
 * Where lib/server/peer-address.ts writes the socket's peer address. Any value a client
 * sends under this name is overwritten before the request reaches Next.js.
 */
export const PEER_ADDRESS_HEADER = "x-hookrelay-peer-address";

// Node reports an IPv4 peer on a dual-stack socket as ::ffff:a.b.c.d.
const unmapped = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");

/**
 * The client's address, for throttling. With no trusted proxy (the default) it is the
 * socket's peer. Behind `trustedProxies` proxies, each of which appends the address it
 * got the request from to X-Forwarded-For, it is that many entries from the right: the
 * entries further left were written by the client and prove nothing. (Only sound when
 * the proxies are the sole way in.)
 */
export function clientAddress(headers: Headers, trustedProxies: number): string {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim();
  if (trustedProxies > 0) {
    const chain = (headers.get("x-forwarded-for") ?? "")
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean);
    const client = chain[Math.max(0, chain.length - trustedProxies)];
    if (client) return unmapped(client);
  }
  return peer ? unmapped(peer) : "unknown";
}
