import net from "node:net";

type State = "open" | "cut" | "frozen";

/**
 * A TCP proxy on 127.0.0.1 that a test can cut, freeze and restore: in front of
 * PostgreSQL it plays a database connection that drops or a network that goes silent,
 * in front of a receiver an endpoint that is down.
 * - cut: every open connection is destroyed and new ones are accepted and closed at
 *   once (the client sees its connection reset, as when a server or a link dies);
 * - frozen: nothing moves and nothing is closed, as when packets are dropped: bytes
 *   written either way wait, a new connection is accepted but not connected onwards,
 *   and a side that closes is not heard by the other. On thaw() everything held goes
 *   through, as TCP's retransmissions would deliver it once the network is back.
 */
export class TcpProxy {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  private state: State = "open";
  /** Work held while frozen: connections to open onwards, closes to pass on. */
  private held: (() => void)[] = [];
  /** Connections accepted and closed at once while cut. */
  refused = 0;
  /** Connections forwarded to the target. */
  forwarded = 0;

  constructor(
    private readonly targetPort: number,
    private readonly targetHost = "127.0.0.1",
  ) {
    this.server = net.createServer((client) => this.accept(client));
  }

  private track(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.once("close", () => this.sockets.delete(socket));
    // A reset is the point of the exercise; it must not surface as an unhandled error.
    socket.on("error", () => undefined);
  }

  /** Runs `work` now, or on thaw() while frozen. */
  private whenFlowing(work: () => void): void {
    if (this.state === "frozen") this.held.push(work);
    else work();
  }

  private accept(client: net.Socket): void {
    this.track(client);
    if (this.state === "cut") {
      this.refused++;
      client.destroy();
      return;
    }
    client.pause();
    this.whenFlowing(() => this.connectOnwards(client));
  }

  private connectOnwards(client: net.Socket): void {
    if (client.destroyed) return;
    this.forwarded++;
    const upstream = net.connect(this.targetPort, this.targetHost);
    this.track(upstream);
    const pair = { client, upstream };
    this.pairs.add(pair);
    client.pipe(upstream);
    upstream.pipe(client);
    client.once("close", () => this.whenFlowing(() => upstream.destroy()));
    upstream.once("close", () => this.whenFlowing(() => client.destroy()));
    upstream.once("close", () => this.pairs.delete(pair));
  }

  async start(port = 0): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, "127.0.0.1", () => resolve());
    });
    return this.port;
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  get isCut(): boolean {
    return this.state === "cut";
  }

  /** Drops every open connection and refuses new ones until restore(). */
  cut(): void {
    this.thaw();
    this.state = "cut";
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.thaw();
    this.state = "open";
  }

  /** Stops every byte and every close, in both directions, without a word to either side. */
  freeze(): void {
    if (this.state !== "open") return;
    this.state = "frozen";
    for (const { client, upstream } of this.pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
  }

  /** Lets everything held through, then carries on as before the freeze. */
  thaw(): void {
    if (this.state !== "frozen") return;
    this.state = "open";
    for (const { client, upstream } of this.pairs) {
      if (!client.destroyed && !upstream.destroyed) {
        client.pipe(upstream);
        upstream.pipe(client);
      }
    }
    const held = this.held;
    this.held = [];
    for (const work of held) work();
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The same URL with its host and port pointed at the proxy. */
export function throughProxy(url: string, proxy: TcpProxy): string {
  const u = new URL(url);
  u.hostname = "127.0.0.1";
  u.port = String(proxy.port);
  return u.toString();
}
