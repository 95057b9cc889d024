/**
 * What a route handler answers while the database cannot be reached: 503 with Retry-After, in the
 * handler's own format, never cached. The edge cache in front serves its last good copy meanwhile
 * (deploy/), and the database connection recovers by itself (getDatabase retries a failed open;
 * pg's pool replaces broken connections).
 *
 * Pages cannot set a status of their own in the App Router. Instead, the first failure marks the
 * database down (lib/db/health.ts), and from then on the proxy answers pages with the localized 503
 * page before they render, until the database answers again. The one render that found out answers
 * 500 with the localized error page (app/[locale]/error.tsx); the edge, in front, turns that into
 * its last good copy or its own 503 page.
 */
import { noteDatabaseFailure } from '@/lib/db/availability';

export const RETRY_AFTER_SECONDS = 30;

export type DocumentKind = 'json' | 'xml' | 'text';

const BODIES: Record<DocumentKind, { type: string; body: string }> = {
  json: { type: 'application/json', body: JSON.stringify({ error: 'temporarily unavailable, try again shortly' }) },
  xml: { type: 'application/xml; charset=utf-8', body: '<?xml version="1.0" encoding="UTF-8"?>\n<error>temporarily unavailable, try again shortly</error>\n' },
  text: { type: 'text/plain; charset=utf-8', body: 'Temporarily unavailable, try again shortly.\n' },
};

export function serviceUnavailable(kind: DocumentKind): Response {
  const { type, body } = BODIES[kind];
  return new Response(body, {
    status: 503,
    headers: { 'Content-Type': type, 'Retry-After': String(RETRY_AFTER_SECONDS), 'Cache-Control': 'no-store' },
  });
}

/** `handler`, answering {@link serviceUnavailable} when it fails because the database is unreachable. */
export function unavailableWhenDatabaseIsDown<Args extends unknown[]>(kind: DocumentKind, handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (noteDatabaseFailure(error)) {
        console.error(`Database unavailable, answering 503: ${error instanceof Error ? error.message : String(error)}`);
        return serviceUnavailable(kind);
      }
      throw error;
    }
  };
}
