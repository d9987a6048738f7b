import diagnostics_channel from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { PEER_ADDRESS_HEADER } from "../auth/client-address";

/**
 * Next.js hands the proxy and route handlers no socket, and fills X-Forwarded-For with
 * the socket's address only when the client sent none, so a client can name any address
 * it likes. Node announces every request on this channel before the server sees it:
 * the peer's address is written into a header of ours, replacing whatever the client put
 * there, and lib/auth/client-address.ts reads it.
 */
export function tagRequestsWithPeerAddress(): void {
  diagnostics_channel.subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? "";
  });
}
