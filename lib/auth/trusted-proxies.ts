/**
 * `TRUSTED_PROXIES`: the proxies whose `X-Forwarded-For` entries the site believes.
 *
 * A comma-separated list of IPv4 and IPv6 addresses and CIDR ranges (`10.0.0.0/8`, `fd00::/8`), and
 * `loopback` for 127.0.0.0/8 and ::1 (the edge of `npm run edge` on the same machine). Unset or
 * empty: no proxy is trusted and forwarding headers are ignored. A malformed entry is an error that
 * names it, thrown when the server starts (instrumentation.ts, `npm start`), never a silent
 * "trust nothing" or "trust everything".
 */
import { BlockList, isIP } from 'node:net';

type Env = Readonly<Record<string, string | undefined>>;

export interface TrustedProxies {
  /** True when `address` (as returned by {@link normalizeAddress}) is one of the trusted proxies. */
  trusts(address: string): boolean;
  /** The entries as configured, for messages. */
  readonly entries: readonly string[];
}

/** The eight 16-bit groups of a valid IPv6 address (a `%zone` suffix dropped). */
export function ipv6Groups(address: string): number[] {
  let text = address.split('%')[0] ?? '';
  const dotted = /(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (dotted !== null) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/** RFC 5952's text form: lowercase, no leading zeros, the longest run of two or more zero groups as `::`. */
export function formatIpv6(groups: readonly number[]): string {
  let best = { start: -1, length: 1 };
  for (let start = 0; start < groups.length; ) {
    if (groups[start] !== 0) {
      start += 1;
      continue;
    }
    let end = start;
    while (end < groups.length && groups[end] === 0) end += 1;
    if (end - start > best.length) best = { start, length: end - start };
    start = end;
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.start === -1) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

/**
 * An address as the throttle and the session audit store it: IPv4 dotted, IPv6 in RFC 5952's one
 * text form (so `2001:DB8:0::1` and `2001:db8::1` are one address), with an IPv4-mapped IPv6 address
 * (`::ffff:192.0.2.1`, what a dual-stack socket reports for an IPv4 client) turned into the IPv4
 * address, and `[…]` brackets and a `%zone` removed. Null when it is not an IP address at all.
 */
export function normalizeAddress(raw: string): string | null {
  let address = raw.trim();
  if (address.startsWith('[') && address.endsWith(']')) address = address.slice(1, -1);
  const family = isIP(address);
  if (family === 4) return address;
  if (family !== 6) return null;
  const groups = ipv6Groups(address);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return formatIpv6(groups);
}

const familyOf = (address: string): 'ipv4' | 'ipv6' => (isIP(address) === 4 ? 'ipv4' : 'ipv6');

export class TrustedProxiesError extends Error {
  constructor(message: string) {
    super(`TRUSTED_PROXIES: ${message}`);
    this.name = 'TrustedProxiesError';
  }
}

const EXPECTED = 'expected IPv4 or IPv6 addresses, CIDR ranges (10.0.0.0/8, fd00::/8) or "loopback", separated by commas';

/** Parses the setting; null when it is unset or blank (no proxy is trusted). Throws {@link TrustedProxiesError}. */
export function parseTrustedProxies(raw: string | undefined): TrustedProxies | null {
  if (raw === undefined || raw.trim() === '') return null;
  const list = new BlockList();
  const entries = raw.split(',').map((entry) => entry.trim());
  entries.forEach((entry, index) => {
    const where = `entry ${index + 1} of ${entries.length}`;
    if (entry === '') throw new TrustedProxiesError(`${where} is empty; ${EXPECTED}`);
    if (entry.toLowerCase() === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      return;
    }
    const [base = '', prefix, extra] = entry.split('/');
    const address = /^[0-9A-Fa-f:.]+$/.test(base) ? normalizeAddress(base) : null;
    if (address === null || extra !== undefined) throw new TrustedProxiesError(`"${entry}" (${where}) is not an address or a CIDR range; ${EXPECTED}`);
    const family = familyOf(address);
    if (prefix === undefined) {
      list.addAddress(address, family);
      return;
    }
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
    const max = family === 'ipv4' ? 32 : 128;
    if (!(bits >= 0 && bits <= max)) throw new TrustedProxiesError(`"${entry}" (${where}) has a prefix length outside 0–${max}`);
    if (bits === 0) {
      throw new TrustedProxiesError(`"${entry}" (${where}) trusts every address, which is the same as believing whatever any client claims to be`);
    }
    list.addSubnet(address, bits, family);
  });
  return {
    entries,
    trusts: (address) => {
      const normalized = normalizeAddress(address);
      return normalized !== null && list.check(normalized, familyOf(normalized));
    },
  };
}

const CACHE = Symbol.for('sportnieuws.trusted-proxies');
type GlobalWithCache = typeof globalThis & { [CACHE]?: { raw: string | undefined; value: TrustedProxies | null } };

/** {@link parseTrustedProxies} of `env.TRUSTED_PROXIES`, parsed once per value. */
export function trustedProxiesFromEnv(env: Env = process.env): TrustedProxies | null {
  const holder: GlobalWithCache = globalThis;
  const raw = env.TRUSTED_PROXIES;
  const cached = holder[CACHE];
  if (cached !== undefined && cached.raw === raw) return cached.value;
  const value = parseTrustedProxies(raw);
  holder[CACHE] = { raw, value };
  return value;
}
