import dns from "node:dns";
import net from "node:net";
import ipaddr from "ipaddr.js";

/** ipaddr.js range names that never belong to a public webhook receiver. */
const BLOCKED_RANGES = new Set([
  "unspecified",
  "broadcast",
  "multicast",
  "linkLocal", // includes 169.254.169.254, the cloud metadata service
  "loopback",
  "carrierGradeNat",
  "private",
  "reserved",
  "uniqueLocal",
  "benchmarking",
  "amt",
  "as112",
  "deprecated",
  "orchid2",
  "droneRemoteIdProtocolEntityTags",
  "teredo",
  "6to4",
  "rfc6145",
  "rfc6052",
  "discard",
]);

/** Cloud metadata addresses that some ranges tables treat as ordinary unicast. */
const METADATA_ADDRESSES = new Set(["fd00:ec2::254", "100.100.100.200"]);

export class DestinationRefusedError extends Error {
  constructor(
    readonly kind: "invalid_url" | "ssrf_blocked",
    message: string,
  ) {
    super(message);
    this.name = "DestinationRefusedError";
  }
}

const classOf = (ip: ipaddr.IPv4 | ipaddr.IPv6) => (METADATA_ADDRESSES.has(ip.toString()) ? "metadata" : ip.range());

const ipv4 = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);

/**
 * The IPv4 addresses an IPv6 address carries, which is where a packet to it may end up:
 * IPv4-compatible (::a.b.c.d, deprecated but still routed by some stacks), IPv4-mapped
 * (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d), NAT64 (64:ff9b::/96 and the
 * local-use 64:ff9b:1::/48), 6to4 (2002:AABB:CCDD::) and Teredo (server and client).
 */
export function embeddedIPv4(v6: ipaddr.IPv6): ipaddr.IPv4[] {
  const p = v6.parts;
  const zero = (from: number, to: number) => p.slice(from, to).every((part) => part === 0);
  const isUnspecifiedOrLoopback = zero(0, 7) && p[7] <= 1;
  if (zero(0, 5) && (p[5] === 0 || p[5] === 0xffff) && !isUnspecifiedOrLoopback) return [ipv4(p[6], p[7])];
  if (zero(0, 4) && p[4] === 0xffff && p[5] === 0) return [ipv4(p[6], p[7])];
  if (p[0] === 0x64 && p[1] === 0xff9b) return [ipv4(p[6], p[7])];
  if (p[0] === 0x2002) return [ipv4(p[1], p[2])];
  // Teredo stores the client's address inverted, bit for bit.
  if (p[0] === 0x2001 && p[1] === 0) return [ipv4(p[2], p[3]), ipv4(~p[6] & 0xffff, ~p[7] & 0xffff)];
  return [];
}

/**
 * The address class an IP belongs to ("unicast" for public addresses). An IPv6 address
 * that carries a non-public IPv4 address has that address's class.
 */
export function addressClass(address: string): string {
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv4") return classOf(parsed);
  const v6 = parsed as ipaddr.IPv6;
  const carried = embeddedIPv4(v6).map(classOf);
  const notPublic = carried.find((cls) => cls !== "unicast");
  if (notPublic) return notPublic;
  return v6.isIPv4MappedAddress() ? carried[0] : classOf(v6);
}

export function isBlockedAddress(address: string): boolean {
  const cls = addressClass(address);
  return cls === "metadata" || BLOCKED_RANGES.has(cls);
}

export interface DestinationPolicy {
  allowPrivate: boolean;
}

/** Checks a destination URL's form: http(s), a host, no credentials. */
export function parseDestinationUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DestinationRefusedError("invalid_url", "The URL is not valid");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new DestinationRefusedError("invalid_url", "The URL must use http or https");
  if (!url.hostname) throw new DestinationRefusedError("invalid_url", "The URL has no host");
  if (url.username || url.password) throw new DestinationRefusedError("invalid_url", "Credentials in the URL are not allowed; use the endpoint secret");
  return url;
}

function hostOf(url: URL): string {
  return url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
}

/** Address classes in an operator's words; the rest are special-purpose blocks of the IP registries. */
const ADDRESS_WORDS: Record<string, string> = {
  loopback: "a loopback address (this machine)",
  private: "a private network address",
  uniqueLocal: "a private network address (IPv6 unique local)",
  linkLocal: "a link-local address (cloud metadata services answer there)",
  metadata: "a cloud metadata service address",
  carrierGradeNat: "a carrier-grade NAT address",
  unspecified: "an unspecified address",
  broadcast: "a broadcast address",
  multicast: "a multicast address",
  reserved: "a reserved address",
};

function refuse(host: string, address: string): DestinationRefusedError {
  const detail = host === address ? address : `${host} resolves to ${address}`;
  const words = ADDRESS_WORDS[addressClass(address)] ?? "a special-purpose address";
  return new DestinationRefusedError("ssrf_blocked", `Destination refused: ${detail} is ${words}; only public internet addresses are allowed`);
}

/**
 * Refuses URLs whose host is, or resolves to, an address outside the public internet.
 * Used when an endpoint is saved; the sender checks again on the address it connects to.
 */
export async function assertDestinationAllowed(raw: string, policy: DestinationPolicy): Promise<URL> {
  const url = parseDestinationUrl(raw);
  if (policy.allowPrivate) return url;
  const host = hostOf(url);
  if (net.isIP(host)) {
    if (isBlockedAddress(host)) throw refuse(host, host);
    return url;
  }
  let addresses: dns.LookupAddress[];
  try {
    addresses = await dns.promises.lookup(host, { all: true, verbatim: true });
  } catch {
    throw new DestinationRefusedError("invalid_url", `The host ${host} cannot be resolved`);
  }
  const blocked = addresses.find((a) => isBlockedAddress(a.address));
  if (blocked) throw refuse(host, blocked.address);
  return url;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * A dns.lookup replacement for the HTTP client's connect step: it resolves once and
 * hands the socket only an address it has checked, so a DNS answer that changes between
 * the check and the connection (rebinding) cannot reach a private address.
 */
export function guardedLookup(policy: DestinationPolicy) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true, verbatim: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses as dns.LookupAddress[];
      const allowed = policy.allowPrivate ? list : list.filter((a) => !isBlockedAddress(a.address));
      if (allowed.length === 0) {
        return callback(Object.assign(refuse(hostname, list[0]?.address ?? hostname), { code: "ESSRFBLOCKED" }), []);
      }
      if (options.all) return callback(null, allowed);
      callback(null, allowed[0].address, allowed[0].family);
    });
  };
}

/** The same check for a literal IP in the URL, which never goes through a lookup. */
export function assertLiteralAddressAllowed(url: URL, policy: DestinationPolicy): void {
  const host = hostOf(url);
  if (!policy.allowPrivate && net.isIP(host) && isBlockedAddress(host)) throw refuse(host, host);
}
