/**
 * Answers the requests Next itself answers badly, before it routes them: paths with invalid
 * percent-encoding, unknown `/api/` paths, methods a resource does not take, and listing page
 * parameters that cannot be a path segment (lib/site/request-guard.ts has the checks and why);
 * and every page while the database is known to be down (lib/site/origin-state.ts). Everything else
 * passes untouched, a refresh from the edge once this instance has caught up with the invalidation
 * log. There is no locale handling here: the locale comes from the route (see next.config.js).
 *
 * The site's headers from next.config.js `headers()` apply to these answers as to any other.
 */
import { NextResponse, type NextRequest } from 'next/server';
import type { Locale } from '@/lib/i18n/locales';
import { renderErrorPage } from '@/lib/site/error-pages';
import { catchUpForEdgeRefresh, unavailableResponse } from '@/lib/site/origin-state';
import { checkRequest, type GuardAnswer } from '@/lib/site/request-guard';

export async function proxy(request: NextRequest): Promise<Response | undefined> {
  const { pathname, searchParams } = request.nextUrl;
  const answer = checkRequest({ method: request.method, pathname, searchParams });
  if (answer !== null) return respond(answer, request);
  // The origin's own state (lib/site/origin-state.ts): while the database is known to be down,
  // pages get the localized 503 page before they render; a refresh from the edge waits until this
  // instance has caught up with the invalidation log.
  const unavailable = unavailableResponse(pathname, request.method);
  if (unavailable !== null) return unavailable;
  await catchUpForEdgeRefresh(request.headers);
  return undefined;
}

/**
 * Where an RSC 404 is rendered: a path below the locale that no route claims, so the catch-all
 * (app/[locale]/[...rest]) answers it with the edition's own 404 payload, as for any unknown URL.
 */
function notFoundPage(locale: Locale): string {
  return `/${locale}/_/not-found`;
}

const acceptsHtml = (request: NextRequest) => /\btext\/html\b/i.test(request.headers.get('accept') ?? '');

const noStore = { 'Cache-Control': 'no-store' };

function respond(answer: GuardAnswer, request: NextRequest): Response {
  switch (answer.kind) {
    case 'not-found':
      if (answer.surface === 'api') return Response.json({ error: 'not found' }, { status: 404, headers: noStore });
      // A request that asks for HTML (a browser's or a crawler's document request) gets the
      // static, localized 404 page (the edge's own): a whole page without JavaScript, where a
      // rendered notFound() sends an empty shell (vercel/next.js#62228), and one that needs no
      // database, so it stays a 404 while the database is down. Anything else, client-side
      // navigation (RSC) among it, gets the edition's 404 from the catch-all: Next hides the RSC
      // headers and `_rsc` from the proxy, and the router needs a payload, not a document.
      // Except for a path that does not decode: a rewrite still hands Next the original path, and
      // `next start` without `-H` (as `npm start` runs it) then fails to decode it and answers a bare
      // 500. Every client gets the static page there; the client router, given a document where it
      // asked for a payload, loads it as a document.
      if (!acceptsHtml(request) && !answer.undecodable) return NextResponse.rewrite(new URL(notFoundPage(answer.locale), request.url));
      return new Response(request.method === 'HEAD' ? null : renderErrorPage(404, answer.locale), {
        status: 404,
        headers: { ...noStore, 'Content-Type': 'text/html; charset=utf-8', 'Content-Language': answer.locale },
      });
    case 'method-not-allowed': {
      const headers = { ...noStore, Allow: answer.allow.join(', ') };
      if (answer.surface === 'api') return Response.json({ error: 'method not allowed' }, { status: 405, headers });
      // No body: in particular, TRACE echoes nothing.
      return new Response(null, { status: 405, headers });
    }
    case 'options':
      return new Response(null, { status: 204, headers: { Allow: answer.allow.join(', ') } });
  }
}

export const config = {
  matcher: [
    // Every path but the build's static files, the image optimizer and the public images…
    '/((?!_next/static/|_next/image|images/).*)',
    // …which go through only when they carry a percent sign (none of theirs does), so that an invalid sequence is a 404 there too.
    '/(_next/static/|images/)(.*%.*)',
  ],
};
