/**
 * Throttling failed sign-ins, per account and per client address, in the database so that every
 * instance of the site counts together.
 *
 * Each key (`account:<email>`, `address:<ip>`) has a fixed window that starts at its first failure:
 * once the window holds `limit` failures, sign-in for that key is refused until the window ends.
 * A successful sign-in clears its account's counter (not the address's: one good password must not
 * reset a spray across many accounts). Keys for unknown emails count exactly like real ones, so
 * throttling does not reveal which accounts exist.
 *
 * A check and the failure it leads to are separate statements, so a burst of parallel attempts
 * can overshoot a limit by the number in flight; each failure itself is one atomic upsert.
 */
import { sql } from 'kysely';
import type { Database } from '@/lib/db/connection';
import { normalizeEmail } from './users';

export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

const FIFTEEN_MINUTES = 15 * 60 * 1000;

export const THROTTLE_RULES = {
  account: { limit: 5, windowMs: FIFTEEN_MINUTES },
  address: { limit: 30, windowMs: FIFTEEN_MINUTES },
} as const satisfies Record<string, ThrottleRule>;

export type ThrottleScope = keyof typeof THROTTLE_RULES;

export interface SignInSubject {
  email: string;
  /** The client's address, or null when unknown (then only the account is throttled). */
  address: string | null;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; scope: ThrottleScope; retryAfterMs: number };

const ADDRESS_MAX_LENGTH = 64;

export function throttleKeys(subject: SignInSubject): Array<{ scope: ThrottleScope; key: string }> {
  const keys: Array<{ scope: ThrottleScope; key: string }> = [{ scope: 'account', key: `account:${normalizeEmail(subject.email).slice(0, 320)}` }];
  const address = subject.address?.trim().slice(0, ADDRESS_MAX_LENGTH);
  if (address) keys.push({ scope: 'address', key: `address:${address}` });
  return keys;
}

/** Whether `subject` may try to sign in at `now`; if not, which limit applies and for how long. */
export async function checkThrottle(database: Database, subject: SignInSubject, now: Date): Promise<ThrottleVerdict> {
  const keys = throttleKeys(subject);
  const rows = await database.db
    .selectFrom('sign_in_attempts')
    .select(['key', 'window_start', 'failures'])
    .where(
      'key',
      'in',
      keys.map(({ key }) => key),
    )
    .execute();
  let verdict: ThrottleVerdict = { allowed: true };
  for (const { scope, key } of keys) {
    const row = rows.find((candidate) => candidate.key === key);
    if (row === undefined) continue;
    const rule = THROTTLE_RULES[scope];
    const windowEnd = row.window_start + rule.windowMs;
    if (row.failures < rule.limit || now.getTime() >= windowEnd) continue;
    const retryAfterMs = windowEnd - now.getTime();
    if (verdict.allowed || retryAfterMs > verdict.retryAfterMs) verdict = { allowed: false, scope, retryAfterMs };
  }
  return verdict;
}

/** Counts one failed sign-in against the account and the address. */
export async function recordFailure(database: Database, subject: SignInSubject, now: Date): Promise<void> {
  const at = now.getTime();
  for (const { scope, key } of throttleKeys(subject)) {
    const windowStartedBefore = at - THROTTLE_RULES[scope].windowMs;
    // One statement per key: a new window when there is none or the old one has ended, else one more failure.
    await database.db
      .insertInto('sign_in_attempts')
      .values({ key, window_start: at, failures: 1 })
      .onConflict((conflict) =>
        conflict.column('key').doUpdateSet({
          failures: sql<number>`case when sign_in_attempts.window_start <= ${windowStartedBefore} then 1 else sign_in_attempts.failures + 1 end`,
          window_start: sql<number>`case when sign_in_attempts.window_start <= ${windowStartedBefore} then ${at} else sign_in_attempts.window_start end`,
        }),
      )
      .execute();
  }
  // Ended windows are noise; drop them so the table stays the size of the current attacks.
  const longest = Math.max(...Object.values(THROTTLE_RULES).map((rule) => rule.windowMs));
  await database.db.deleteFrom('sign_in_attempts').where('window_start', '<=', at - longest).execute();
}

/** A successful sign-in: the account starts with a clean slate. */
export async function recordSuccess(database: Database, email: string): Promise<void> {
  const [account] = throttleKeys({ email, address: null });
  if (account !== undefined) await database.db.deleteFrom('sign_in_attempts').where('key', '=', account.key).execute();
}

/**
 * The client's address for throttling and the session audit: the last X-Forwarded-For entry, which
 * is the one added by the nearest proxy (or by Next itself, from the socket, when there is none);
 * earlier entries are whatever the client claimed. Null when there is none.
 */
export function clientAddress(headers: { get(name: string): string | null }): string | null {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  const address = last || headers.get('x-real-ip')?.trim() || null;
  return address === null ? null : address.slice(0, ADDRESS_MAX_LENGTH);
}
