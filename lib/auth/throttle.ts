/**
 * Throttling failed sign-ins, in the database so that every instance of the site counts together.
 *
 * Three fixed-window failure counters, each window starting at its key's first failure:
 *
 * - `pair:<email>|<address>`: one address guessing one account. The hard limit: 5 in 15 minutes
 *   refuses that address for that account, and nobody else.
 * - `address:<address>`: one address spraying many accounts (30 in 15 minutes).
 * - `account:<email>`: every address together against one account, so that a spray from many
 *   addresses stays bounded (20 in 15 minutes). It does not apply at an address the account signed
 *   in from successfully in the last 30 days (`known:<email>|<address>`, written on success): so
 *   someone who only knows an editor's email can slow the account down for strangers, but cannot
 *   lock its owner out where the owner usually works. The owner at a new address during such an
 *   attack waits for the window to end, like everyone else.
 *
 * IPv6 addresses count per /64 (one subscriber's network; a client can pick any address in it).
 * An unknown address (null: see lib/auth/client-address.ts) counts on the account only.
 *
 * A success clears its pair's counter; not the account's or the address's, so that signing in
 * does not hand a running spray a fresh budget. Keys for unknown emails count exactly like real
 * ones (a real account is only different once it has signed in from the very address asking), and
 * every attempt runs the same statements whether or not the account exists.
 *
 * A check and the failure it leads to are separate statements, so a burst of parallel attempts
 * can overshoot a limit by the number in flight; each failure itself is one atomic upsert.
 */
import { sql } from 'kysely';
import type { Database } from '@/lib/db/connection';
import { formatIpv6, ipv6Groups, normalizeAddress } from './trusted-proxies';
import { normalizeEmail } from './users';

export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export const THROTTLE_RULES = {
  pair: { limit: 5, windowMs: FIFTEEN_MINUTES },
  address: { limit: 30, windowMs: FIFTEEN_MINUTES },
  account: { limit: 20, windowMs: FIFTEEN_MINUTES },
} as const satisfies Record<string, ThrottleRule>;

/** How long a successful sign-in makes its address "known" to the account (exempt from the account-wide limit). */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60 * 1000;

export type ThrottleScope = keyof typeof THROTTLE_RULES;

export interface SignInSubject {
  email: string;
  /** The client's address, or null when unknown (then only the account is throttled). */
  address: string | null;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; scope: ThrottleScope; retryAfterMs: number };

const EMAIL_KEY_LENGTH = 320;

/**
 * The part of an address that is counted: an IPv4 address whole, an IPv6 address's /64 network.
 * Null for anything that is not an IP address.
 */
export function addressKey(address: string | null): string | null {
  const normalized = address === null ? null : normalizeAddress(address);
  if (normalized === null || !normalized.includes(':')) return normalized;
  return `${formatIpv6([...ipv6Groups(normalized).slice(0, 4), 0, 0, 0, 0])}/64`;
}

interface SubjectKeys {
  account: string;
  pair: string | null;
  address: string | null;
  known: string | null;
}

export function throttleKeys(subject: SignInSubject): SubjectKeys {
  const email = normalizeEmail(subject.email).slice(0, EMAIL_KEY_LENGTH);
  const address = addressKey(subject.address);
  return {
    account: `account:${email}`,
    pair: address === null ? null : `pair:${email}|${address}`,
    address: address === null ? null : `address:${address}`,
    known: address === null ? null : `known:${email}|${address}`,
  };
}

const present = (keys: SubjectKeys) => [keys.account, keys.pair, keys.address, keys.known].filter((key): key is string => key !== null);

/** Whether `subject` may try to sign in at `now`; if not, which limit applies and for how long. */
export async function checkThrottle(database: Database, subject: SignInSubject, now: Date): Promise<ThrottleVerdict> {
  const keys = throttleKeys(subject);
  const rows = await database.db.selectFrom('sign_in_attempts').select(['key', 'window_start', 'failures']).where('key', 'in', present(keys)).execute();
  const row = (key: string | null) => (key === null ? undefined : rows.find((candidate) => candidate.key === key));
  const knownRow = row(keys.known);
  const known = knownRow !== undefined && now.getTime() < knownRow.window_start + KNOWN_ADDRESS_MS;

  let verdict: ThrottleVerdict = { allowed: true };
  const scopes: Array<[ThrottleScope, string | null]> = [
    ['pair', keys.pair],
    ['address', keys.address],
    ['account', known ? null : keys.account],
  ];
  for (const [scope, key] of scopes) {
    const counter = row(key);
    if (counter === undefined) continue;
    const rule = THROTTLE_RULES[scope];
    const windowEnd = counter.window_start + rule.windowMs;
    if (counter.failures < rule.limit || now.getTime() >= windowEnd) continue;
    const retryAfterMs = windowEnd - now.getTime();
    if (verdict.allowed || retryAfterMs > verdict.retryAfterMs) verdict = { allowed: false, scope, retryAfterMs };
  }
  return verdict;
}

/**
 * Counts one failed sign-in against the pair, the address and the account. Returns the scopes
 * whose limit this very failure reached (a throttle trip), so the trip can be recorded once
 * rather than every refused attempt after it.
 */
export async function recordFailure(database: Database, subject: SignInSubject, now: Date): Promise<ThrottleScope[]> {
  const at = now.getTime();
  const tripped: ThrottleScope[] = [];
  const keys = throttleKeys(subject);
  const counters: Array<[ThrottleScope, string | null]> = [
    ['pair', keys.pair],
    ['address', keys.address],
    ['account', keys.account],
  ];
  for (const [scope, key] of counters) {
    if (key === null) continue;
    const windowStartedBefore = at - THROTTLE_RULES[scope].windowMs;
    // One statement per key: a new window when there is none or the old one has ended, else one more failure.
    const counted = await database.db
      .insertInto('sign_in_attempts')
      .values({ key, window_start: at, failures: 1 })
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet({
          failures: sql<number>`case when sign_in_attempts.window_start <= ${windowStartedBefore} then 1 else sign_in_attempts.failures + 1 end`,
          window_start: sql<number>`case when sign_in_attempts.window_start <= ${windowStartedBefore} then ${at} else sign_in_attempts.window_start end`,
        }),
      )
      .returning('failures')
      .executeTakeFirst();
    if (Number(counted?.failures) === THROTTLE_RULES[scope].limit) tripped.push(scope);
  }
  // Ended windows and forgotten addresses are noise; drop them so the table stays the size of the
  // current attacks and the last month's sign-in places.
  const longest = Math.max(...Object.values(THROTTLE_RULES).map((rule) => rule.windowMs));
  await database.db
    .deleteFrom('sign_in_attempts')
    .where((eb) =>
      eb.or([
        eb.and([eb('key', 'not like', 'known:%'), eb('window_start', '<=', at - longest)]),
        eb.and([eb('key', 'like', 'known:%'), eb('window_start', '<=', at - KNOWN_ADDRESS_MS)]),
      ]),
    )
    .execute();
  return tripped;
}

/** A successful sign-in: the pair starts with a clean slate, and the address becomes known to the account. */
export async function recordSuccess(database: Database, subject: SignInSubject, now: Date): Promise<void> {
  const keys = throttleKeys(subject);
  if (keys.pair === null || keys.known === null) return;
  await database.db.deleteFrom('sign_in_attempts').where('key', '=', keys.pair).execute();
  await database.db
    .insertInto('sign_in_attempts')
    .values({ key: keys.known, window_start: now.getTime(), failures: 0 })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ window_start: now.getTime() }))
    .execute();
}
