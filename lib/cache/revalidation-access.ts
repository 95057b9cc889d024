/**
 * Who may call POST /api/revalidate, and how often.
 *
 * The endpoint is for the site's own machinery: the scheduler (on 127.0.0.1), the content CLI
 * (REVALIDATE_URL, 127.0.0.1 by default) and scripts an operator runs. The shared secret guards
 * it, but there is no reason for the rest of the internet to reach it at all, to guess at the
 * secret or to make the site re-render on demand. So it answers only:
 * - clients in `REVALIDATE_ALLOW_FROM` (the TRUSTED_PROXIES syntax: addresses, CIDR ranges,
 *   `loopback`; or `any`), by default the loopback addresses and the proxies in TRUSTED_PROXIES.
 *   The client is the one the sign-in throttle sees (lib/auth/client-address.ts): the socket's
 *   peer, or behind trusted proxies the first address in X-Forwarded-For that is not one of them;
 *   so a reader reaching the endpoint through the edge is not "loopback".
 * - at most {@link REVALIDATE_RATE} requests per client, with a burst of {@link REVALIDATE_BURST}
 *   (a token bucket in this process; each instance counts its own), and far fewer refused ones
 *   ({@link REFUSED_PER_MINUTE}), which is what guessing at the secret looks like. Past either,
 *   a 429 with Retry-After, which the content CLI waits for.
 */
import { clientAddress } from '@/lib/auth/client-address';
import { parseTrustedProxies, trustedProxiesFromEnv, type TrustedProxies } from '@/lib/auth/trusted-proxies';

type Env = Readonly<Record<string, string | undefined>>;

/** Requests per second a client may make on average (each carries up to 500 tags). */
export const REVALIDATE_RATE = 20;
/** Requests a client may make at once. */
export const REVALIDATE_BURST = 60;
/** Refused requests (wrong or missing secret, bad body) a client may make per minute. */
export const REFUSED_PER_MINUTE = 10;
/** Clients tracked at most; the least recently seen go first. */
const MAX_CLIENTS = 10_000;

export interface RevalidateAllowList {
  allows(address: string | null): boolean;
  /** For messages: what the list holds. */
  readonly description: string;
}

/**
 * The allow list from `REVALIDATE_ALLOW_FROM`, or by default loopback plus TRUSTED_PROXIES.
 * Throws (naming the variable) for a malformed entry.
 */
export function revalidateAllowList(env: Env = process.env): RevalidateAllowList {
  const raw = env.REVALIDATE_ALLOW_FROM?.trim();
  if (raw !== undefined && raw.toLowerCase() === 'any') return { allows: () => true, description: 'any' };
  let lists: TrustedProxies[];
  try {
    lists = raw ? [parseTrustedProxies(raw)!] : [parseTrustedProxies('loopback')!, ...[trustedProxiesFromEnv(env)].filter((list) => list !== null)];
  } catch (error) {
    throw new Error(`REVALIDATE_ALLOW_FROM: ${(error instanceof Error ? error.message : String(error)).replace(/^TRUSTED_PROXIES: /, '')}`);
  }
  return {
    allows: (address) => address !== null && lists.some((list) => list.trusts(address)),
    description: lists.flatMap((list) => list.entries).join(', '),
  };
}

interface Bucket {
  tokens: number;
  refused: number;
  refusedWindowStart: number;
  updatedAt: number;
}

export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number };

/** A per-client limiter: {@link REVALIDATE_RATE} per second with a burst, and few refused requests per minute. */
export class RevalidateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rate = REVALIDATE_RATE,
    private readonly burst = REVALIDATE_BURST,
    private readonly refusedPerMinute = REFUSED_PER_MINUTE,
  ) {}

  private bucket(client: string, now: number): Bucket {
    let bucket = this.buckets.get(client);
    if (bucket === undefined) {
      bucket = { tokens: this.burst, refused: 0, refusedWindowStart: now, updatedAt: now };
      if (this.buckets.size >= MAX_CLIENTS) this.buckets.delete(this.buckets.keys().next().value as string);
    } else {
      this.buckets.delete(client);
      bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * this.rate);
      bucket.updatedAt = now;
    }
    if (now - bucket.refusedWindowStart >= 60_000) {
      bucket.refused = 0;
      bucket.refusedWindowStart = now;
    }
    // Map order is insertion order: the most recently seen client goes to the back.
    this.buckets.set(client, bucket);
    return bucket;
  }

  /** Takes one request's token, or says how long to wait. */
  admit(client: string, now = Date.now()): Admission {
    const bucket = this.bucket(client, now);
    if (bucket.refused >= this.refusedPerMinute) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((bucket.refusedWindowStart + 60_000 - now) / 1000)) };
    }
    if (bucket.tokens < 1) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.rate)) };
    bucket.tokens -= 1;
    return { ok: true };
  }

  /** Counts a refused request (wrong secret, bad body) against the client. */
  refused(client: string, now = Date.now()): void {
    this.bucket(client, now).refused += 1;
  }
}

const LIMITER = Symbol.for('sportnieuws.revalidate-limiter');
type GlobalWithLimiter = typeof globalThis & { [LIMITER]?: RevalidateLimiter };

/** The process's limiter, shared by every bundle Next loads. */
export function revalidateLimiter(): RevalidateLimiter {
  const holder: GlobalWithLimiter = globalThis;
  holder[LIMITER] ??= new RevalidateLimiter();
  return holder[LIMITER];
}

let warnedRefusedClient = false;

/**
 * The gate in front of the endpoint: a JSON 404 (as for a path that names nothing) for a client
 * not on the allow list, a 429 past the rate, or null to go on. The first refusal is logged, so
 * an operator whose CLI runs elsewhere learns about REVALIDATE_ALLOW_FROM.
 */
export function revalidateGate(headers: { get(name: string): string | null }, env: Env = process.env): { client: string; refusal: null } | { client: string | null; refusal: Response } {
  const noStore = { 'Cache-Control': 'no-store' };
  const client = clientAddress(headers, trustedProxiesFromEnv(env));
  const allowList = revalidateAllowList(env);
  if (!allowList.allows(client)) {
    if (!warnedRefusedClient) {
      warnedRefusedClient = true;
      console.warn(`Revalidate: refused a request from ${client ?? 'an unknown address'}; it answers ${allowList.description} only (REVALIDATE_ALLOW_FROM).`);
    }
    return { client, refusal: Response.json({ error: 'not found' }, { status: 404, headers: noStore }) };
  }
  const admission = revalidateLimiter().admit(client ?? 'unknown');
  if (!admission.ok) {
    return {
      client,
      refusal: Response.json({ error: 'too many requests' }, { status: 429, headers: { ...noStore, 'Retry-After': String(admission.retryAfterSeconds) } }),
    };
  }
  return { client: client ?? 'unknown', refusal: null };
}
