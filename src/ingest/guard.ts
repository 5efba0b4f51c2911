// The guard for fetching on behalf of chat users: a link pasted in chat must not make briefbot a
// door into the network it runs in (cloud metadata, admin consoles, databases on 10.x).
// Only http and https; the host is resolved and every address must be public unicast, checked
// before each hop (so on every redirect) and again on the address the socket connects to (an undici
// Agent whose `connect.lookup` filters), so a name that re-resolves to 127.0.0.1 between the check
// and the connection (DNS rebinding) is refused too. IP spellings (2130706433, 0x7f.1, 0177.0.0.1)
// reach us already normalised by WHATWG URL parsing; ipaddr.js classifies the address.
import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupAddress, LookupOptions } from "node:dns";
import ipaddr from "ipaddr.js";
import { Agent, fetch as undiciFetch } from "undici";
import { FetchError } from "./errors.js";

/** Host -> its addresses. Tests pass their own, so no name needs real DNS. */
export type Resolve = (host: string) => Promise<string[]>;

export interface GuardOptions {
  /**
   * Intranet hosts that may be fetched anyway: host names (exact, or `*.corp.example` for any
   * sub-domain), addresses or CIDR ranges (`10.20.0.0/16`).
   */
  allow: readonly string[];
  resolve: Resolve;
}

export const systemResolve: Resolve = async (host) => (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

export type Refusal = "scheme" | "private_address" | "unresolvable";

/** Short, for people: no host, no address, no stack. */
const WORDS: Record<Refusal, string> = {
  scheme: "only http and https links are fetched",
  private_address: "that link points to a private or local network address, which briefbot does not fetch",
  unresolvable: "that link's host name does not resolve",
};

export class LinkRefusedError extends FetchError {
  constructor(readonly reason: Refusal) {
    super("refused", WORDS[reason]);
  }
}

type Addr = ipaddr.IPv4 | ipaddr.IPv6;

/** The IPv4 address inside IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::/96) forms. */
function unwrap(ip: Addr): Addr {
  if (ip.kind() === "ipv4") return ip;
  const v6 = ip as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address();
  if (v6.range() === "rfc6052") {
    const p = v6.parts;
    return ipaddr.fromByteArray([p[6]! >> 8, p[6]! & 255, p[7]! >> 8, p[7]! & 255]);
  }
  return ip;
}

/**
 * Whether briefbot may connect to this address: public unicast only. Everything else is refused:
 * loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16 with the cloud
 * metadata service, fe80::/10), CGNAT (100.64/10), unspecified, multicast, broadcast, reserved,
 * and the 6to4 / Teredo tunnels that could carry any of them.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return unwrap(ipaddr.parse(address)).range() === "unicast";
}

function allowRule(entry: string): (host: string, address?: Addr) => boolean {
  const e = entry.trim().toLowerCase();
  if (e.includes("/")) {
    const [net, bits] = ipaddr.parseCIDR(e);
    return (_h, a) => a !== undefined && a.kind() === net.kind() && a.match([net, bits] as never);
  }
  if (ipaddr.isValid(e)) {
    const want = unwrap(ipaddr.parse(e)).toString();
    return (_h, a) => a?.toString() === want;
  }
  if (e.startsWith("*.")) return (h) => h.endsWith(e.slice(1));
  return (h) => h === e;
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, "").toLowerCase();

export interface UrlGuard {
  /** Throws LinkRefusedError unless `url` may be fetched; resolves its host to check. */
  check(url: URL): Promise<void>;
  /** A fetch that connects only to addresses the guard allows (for FetchOptions.fetch). */
  fetch: typeof fetch;
  close(): Promise<void>;
}

export function createUrlGuard(options: GuardOptions): UrlGuard {
  const rules = options.allow.map(allowRule);
  const allowed = (host: string, a?: Addr) => rules.some((r) => r(host, a));

  /** The addresses of `host`, all allowed, or a refusal. A name with any private address is refused whole. */
  async function vet(host: string): Promise<string[]> {
    if (ipaddr.isValid(host)) {
      if (!isPublicAddress(host) && !allowed(host, unwrap(ipaddr.parse(host)))) throw new LinkRefusedError("private_address");
      return [host];
    }
    let addresses: string[];
    try {
      addresses = await options.resolve(host);
    } catch {
      throw new LinkRefusedError("unresolvable");
    }
    if (!addresses.length) throw new LinkRefusedError("unresolvable");
    if (allowed(host)) return addresses;
    for (const a of addresses) if (!isPublicAddress(a) && !(ipaddr.isValid(a) && allowed(host, unwrap(ipaddr.parse(a))))) throw new LinkRefusedError("private_address");
    return addresses;
  }

  // net.connect calls this for host names (not for IP literals, which check() has vetted): the
  // address connected to is the one vetted here, whatever the name resolved to a moment before.
  const lookup = (hostname: string, opts: LookupOptions, cb: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    vet(bare(hostname)).then(
      (addresses) => {
        const all = addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
        const fit = opts.family === 4 || opts.family === 6 ? all.filter((a) => a.family === opts.family) : all;
        if (!fit.length) return cb(new LinkRefusedError("unresolvable"), "");
        if (opts.all) return cb(null, fit);
        cb(null, fit[0]!.address, fit[0]!.family);
      },
      (err: Error) => cb(err, ""),
    );
  };
  const agent = new Agent({ connect: { lookup } as never });

  const guardedFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    try {
      return (await undiciFetch(input as never, { ...(init as object), dispatcher: agent } as never)) as unknown as Response;
    } catch (err) {
      // undici wraps the lookup's error ("fetch failed", cause ...): surface the refusal itself.
      for (let e: unknown = err; e instanceof Error; e = e.cause) if (e instanceof LinkRefusedError) throw e;
      throw err;
    }
  }) as typeof fetch;

  return {
    async check(url) {
      if (url.protocol !== "http:" && url.protocol !== "https:") throw new LinkRefusedError("scheme");
      await vet(bare(url.hostname));
    },
    fetch: guardedFetch,
    close: () => agent.close(),
  };
}
