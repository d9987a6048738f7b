import net from "node:net";

/**
 * A TCP proxy on 127.0.0.1 that a test can cut and restore: in front of PostgreSQL it
 * plays a database connection that drops, in front of a receiver an endpoint that is down.
 * While cut, every open connection is destroyed and new ones are accepted and closed at
 * once (the client sees its connection reset, as when a server or a network link dies).
 */
export class TcpProxy {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private down = false;
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

  private accept(client: net.Socket): void {
    this.track(client);
    if (this.down) {
      this.refused++;
      client.destroy();
      return;
    }
    this.forwarded++;
    const upstream = net.connect(this.targetPort, this.targetHost);
    this.track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.once("close", () => upstream.destroy());
    upstream.once("close", () => client.destroy());
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
    return this.down;
  }

  /** Drops every open connection and refuses new ones until restore(). */
  cut(): void {
    this.down = true;
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.down = false;
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
