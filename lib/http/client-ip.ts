import net from 'node:net';

/*
 * The visitor's address, for the contact form's rate limit and the sign-in throttle (only ever
 * stored as a keyed hash).
 *
 * X-Forwarded-For is whatever the client sent, with each proxy's view appended: only the
 * entries added by proxies we run can be believed. The production server (server/main.ts)
 * resolves the address once per request, from the socket and X-Forwarded-For, trusting the
 * header only from TRUSTED_PROXIES (default loopback, where the shipped nginx edge runs), and
 * passes it on in CLIENT_ADDRESS_HEADER, replacing any copy the client sent. Route handlers
 * and server actions cannot see the socket: they read that header (`clientIp`).
 */

/** The header the production server puts the resolved client address in (never the client's own). */
export const CLIENT_ADDRESS_HEADER = 'x-portal-client-address';

/** `::ffff:127.0.0.1` (an IPv4 client of a dual-stack socket) is 127.0.0.1. */
function plainAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/** Addresses and networks (`10.0.0.0/8`, `fd00::/8`) whose X-Forwarded-For is believed. */
export class TrustedProxies {
  private readonly list = new net.BlockList();

  /** From TRUSTED_PROXIES's entries: IP addresses or CIDR networks; throws on anything else. */
  constructor(entries: readonly string[]) {
    for (const entry of entries) {
      const [address = '', prefix, ...rest] = entry.split('/');
      const family = net.isIP(address);
      const bits = prefix === undefined ? undefined : Number(prefix);
      const maxBits = family === 6 ? 128 : 32;
      if (!family || rest.length > 0 || (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= maxBits && prefix !== ''))) {
        throw new Error(`not an IP address or CIDR network: ${entry}`);
      }
      const type = family === 6 ? 'ipv6' : 'ipv4';
      if (bits === undefined) this.list.addAddress(address, type);
      else this.list.addSubnet(address, bits, type);
    }
  }

  trusts(address: string): boolean {
    const plain = plainAddress(address);
    const family = net.isIP(plain);
    return family !== 0 && this.list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  }
}

/**
 * The client's address: the socket's peer, unless that is a trusted proxy; then, walking
 * X-Forwarded-For from the right (the entry the nearest proxy appended), the first entry that
 * is not a trusted proxy. Entries left of it were written by the client and are never used,
 * so rotating them changes nothing.
 */
export function resolveClientAddress(socketAddress: string | undefined, forwardedFor: string | undefined, trusted: TrustedProxies): string {
  let client = plainAddress(socketAddress ?? '') || 'unknown';
  if (!trusted.trusts(client)) return client;
  const hops = (forwardedFor ?? '').split(',').map((hop) => hop.trim()).filter(Boolean);
  for (const hop of hops.reverse()) {
    // Something that is no address (a port, "unknown", junk) is the end of what a proxy vouched for.
    client = plainAddress(hop).slice(0, 64);
    if (!trusted.trusts(client)) return client;
  }
  return client;
}

/**
 * The visitor's address as the production server resolved it. Without the server (`next
 * dev`) the rightmost X-Forwarded-For entry, which Next.js fills with the socket's address
 * when a request arrives without one.
 */
export function clientIp(headers: Headers): string {
  const resolved = headers.get(CLIENT_ADDRESS_HEADER);
  if (resolved) return resolved;
  const last = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  return last || 'unknown';
}
