/**
 * `X-Robots-Tag: noindex, nofollow` on the answers that really are Draft Mode renders, and on no
 * other.
 *
 * Why not a header rule in next.config.js: a rule can test that the request carries the Draft Mode
 * cookie (`__prerender_bypass`), not that the cookie is valid. With one, anyone sending a made-up
 * cookie got "noindex" on a public page that stayed publicly cacheable (`s-maxage`, no
 * `Vary: Cookie`), and a shared cache could keep that copy and serve it to crawlers. Only Next knows
 * whether the cookie is valid (it compares it with the build's preview id, which it keeps to
 * itself), and it says so in the answer: a Draft Mode render is `private, no-store`, a request
 * with an invalid cookie gets the public page and its public caching.
 *
 * So the header is added where Next's answer is known: when its headers are written. For a request
 * with the Draft Mode cookie (the `http.server.request.start` diagnostics channel, as in
 * lib/auth/client-address.ts), the response's `writeHead` (which Node also calls for headers sent
 * implicitly) adds the header when the answer's Cache-Control is private and no-store. So the
 * noindex is only ever on an answer no shared cache keeps. Requests without the cookie are not
 * touched.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';

export const DRAFT_MODE_COOKIE = '__prerender_bypass';

const STATE = Symbol.for('sportnieuws.draft-noindex');
type GlobalWithState = typeof globalThis & { [STATE]?: boolean };

/** True when a Cookie header names the Draft Mode cookie (its value is Next's to judge). */
export function hasDraftModeCookie(cookieHeader: string | undefined): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(';').some((pair) => pair.trim().startsWith(`${DRAFT_MODE_COOKIE}=`));
}

/** True for a Cache-Control value that no shared cache may keep: `private` and `no-store`. */
export function isPrivateNoStore(cacheControl: unknown): boolean {
  const value = Array.isArray(cacheControl) ? cacheControl.join(',') : String(cacheControl ?? '');
  const directives = value.toLowerCase().split(',').map((directive) => directive.trim());
  return directives.includes('private') && directives.includes('no-store');
}

function headerValue(headers: OutgoingHttpHeaders | readonly unknown[] | undefined, name: string): unknown {
  if (headers === undefined) return undefined;
  if (Array.isArray(headers)) {
    // The flat [name, value, name, value] form writeHead also takes.
    for (let index = 0; index + 1 < headers.length; index += 2) {
      if (String(headers[index]).toLowerCase() === name) return headers[index + 1];
    }
    return undefined;
  }
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name);
  return entry?.[1];
}

/** Makes `response` say noindex if, when its headers go out, it is private and no-store. */
function noindexWhenPrivate(response: ServerResponse): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    // writeHead(status, headers?) or writeHead(status, reason, headers?).
    const passed = (typeof args[1] === 'object' ? args[1] : args[2]) as OutgoingHttpHeaders | undefined;
    const cacheControl = headerValue(passed, 'cache-control') ?? this.getHeader('cache-control');
    if (isPrivateNoStore(cacheControl) && !this.headersSent) this.setHeader('X-Robots-Tag', 'noindex, nofollow');
    return writeHead.apply(this, args as Parameters<ServerResponse['writeHead']>);
  } as ServerResponse['writeHead'];
}

/** Starts marking Draft Mode answers noindex in this process (idempotent; instrumentation.ts). */
export function markDraftModeAnswersNoindex(): void {
  const holder: GlobalWithState = globalThis;
  if (holder[STATE]) return;
  holder[STATE] = true;
  subscribe('http.server.request.start', (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    if (hasDraftModeCookie(request.headers.cookie)) noindexWhenPrivate(response);
  });
}
