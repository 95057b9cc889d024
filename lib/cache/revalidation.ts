/**
 * Telling a running site that content changed outside it (the content CLI, a script).
 *
 * The site exposes POST /api/revalidate, which revalidates the given cache tags at once. It is
 * protected by a shared secret: REVALIDATE_SECRET when set, or, for the embedded SQLite default,
 * a random secret kept in a file beside the database, so `npm start` and `npm run content` agree
 * without any configuration. A site on PostgreSQL without REVALIDATE_SECRET has the endpoint off.
 *
 * Revalidation is local to the instance that receives it. With several instances, point
 * REVALIDATE_URL at each, or run a shared cache handler (see the README).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { secretBesideDatabase } from '@/lib/db/secret-file';

const SECRET_FILE = '.revalidate-secret';

/** The shared secret, or null when revalidation from outside is not configured. */
export function revalidationSecret(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.REVALIDATE_SECRET?.trim();
  if (configured) {
    if (configured.length < 16) throw new Error('REVALIDATE_SECRET must be at least 16 characters');
    return configured;
  }
  return secretBesideDatabase(SECRET_FILE, env);
}

/** Compares a presented secret with the expected one in constant time. */
export function secretMatches(presented: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

export type RevalidationOutcome =
  | { kind: 'revalidated'; url: string; count: number }
  | { kind: 'no-server'; url: string }
  | { kind: 'not-configured' }
  | { kind: 'refused'; url: string; status: number };

/** The most tags POST /api/revalidate takes in one request; longer lists go in several. */
export const TAGS_PER_REQUEST = 500;

/** How long one {@link requestRevalidation} waits in all for the site's rate limit before it gives up. */
const MAX_RATE_LIMIT_WAIT_MS = 60_000;

/**
 * Asks the running site at REVALIDATE_URL (default http://127.0.0.1:$PORT) to revalidate `tags`,
 * in requests of at most {@link TAGS_PER_REQUEST} tags, so an import of any size gets through.
 * The outcome is the first request that did not succeed, or `revalidated` with the total.
 */
export async function requestRevalidation(tags: string[], env: NodeJS.ProcessEnv = process.env): Promise<RevalidationOutcome> {
  const secret = revalidationSecret(env);
  if (!secret) return { kind: 'not-configured' };
  const base = env.REVALIDATE_URL?.trim() || `http://127.0.0.1:${env.PORT ?? '3000'}`;
  const url = new URL('/api/revalidate', base).toString();
  let waitedMs = 0;
  for (let start = 0; start < tags.length; ) {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ tags: tags.slice(start, start + TAGS_PER_REQUEST) }),
        signal: AbortSignal.timeout(5000),
      });
    } catch {
      return { kind: 'no-server', url };
    }
    // The site limits how fast it is asked (lib/cache/revalidation-access.ts): wait as it says, and send the same part again.
    if (response.status === 429 && waitedMs < MAX_RATE_LIMIT_WAIT_MS) {
      const seconds = Number(response.headers.get('retry-after'));
      const delayMs = Math.min(MAX_RATE_LIMIT_WAIT_MS - waitedMs, Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000);
      waitedMs += delayMs;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      continue;
    }
    if (!response.ok) return { kind: 'refused', url, status: response.status };
    start += TAGS_PER_REQUEST;
  }
  return { kind: 'revalidated', url, count: tags.length };
}
