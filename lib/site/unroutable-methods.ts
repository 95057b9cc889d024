/**
 * Methods Next cannot take at all get the answer any other refused method gets from the proxy
 * (lib/site/request-guard.ts): a 405 with `Allow` and the site's security headers, an empty body
 * (JSON under `/api/`), and nothing of the request echoed back.
 *
 * Why this is not in the proxy: Next 16.5 builds a WHATWG `Request` for the proxy and for route
 * handlers, and undici refuses to construct one for the fetch standard's forbidden methods
 * (`CONNECT`, `TRACE`, `TRACK`), so such a request is a bare 500 before any of the site's code
 * runs. Node's HTTP server does not even hand the other two to Next: `CONNECT` goes to the
 * server's `connect` event (no listener: the connection is dropped without a word), and a method
 * token its parser does not know (`TRACK`, `FOO`, a lowercase `get`) is a `clientError` (no
 * listener: a bare 400 without the site's headers).
 *
 * So this answers them in the Node server, before Next, with Node's public interfaces only:
 * - the `http.server.request.start` diagnostics channel (the one lib/auth/client-address.ts uses),
 *   which Node publishes just before it emits the request to the server's `request` listeners. A
 *   refused request is answered there and marked, and the server's `request` listeners (Next's) are
 *   wrapped, once, so they never see a marked request. Every other request passes through with one
 *   Set lookup.
 * - the server's `connect` and `clientError` events, for the rest. The server is found from the
 *   `net.server.socket` channel (published for each new connection, before its first byte is
 *   read, as `socket.server`, the reference Node's own HTTP code uses for the same events), and
 *   from `http.server.request.start` as a fallback.
 *
 * The edge (deploy/) refuses these methods too; this is for the origin when it is reached directly
 * (health checks, scanners, a misconfigured proxy).
 */
import { subscribe } from 'node:diagnostics_channel';
import { Server, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { checkRequest, type GuardAnswer } from './request-guard';
import { securityHeaders } from './security-headers';

/** The fetch standard's forbidden methods: undici cannot make a `Request` for them, so Next cannot route them. */
export const UNROUTABLE_METHODS: ReadonlySet<string> = new Set(['CONNECT', 'TRACE', 'TRACK']);

/** What a page takes, for a request whose target is not a path of the site (CONNECT, an unparsable request line). */
const PAGE_METHODS = ['GET', 'HEAD', 'OPTIONS'] as const;

const STATE = Symbol.for('sportnieuws.unroutable-methods');
const REFUSED = Symbol.for('sportnieuws.unroutable-methods.refused');
const WRAPPED = Symbol.for('sportnieuws.unroutable-methods.wrapped');

interface HookState {
  installed: boolean;
  servers: WeakSet<Server>;
}

type GlobalWithState = typeof globalThis & { [STATE]?: HookState };
type Marked = IncomingMessage & { [REFUSED]?: true };
type RequestListener = ((request: IncomingMessage, response: ServerResponse) => void) & { [WRAPPED]?: true };

/** The process's hook state, shared by every bundle Next loads. */
function hookState(): HookState {
  const holder: GlobalWithState = globalThis;
  holder[STATE] ??= { installed: false, servers: new WeakSet() };
  return holder[STATE];
}

export interface Refusal {
  status: 404 | 405;
  headers: Record<string, string>;
  body: string;
}

/**
 * The answer to a request for `target` (the request line's target, as sent) with a method Next
 * cannot route: the request guard's own answer for that path (405 with what the path takes; a
 * JSON 404 for an `/api/` path that names no endpoint, a 404 for a path that does not decode),
 * with the security headers and `no-store`. Pure, for the tests.
 */
export function refusalFor(method: string, target: string): Refusal {
  const { pathname, search } = splitTarget(target);
  const answer: GuardAnswer = checkRequest({ method, pathname, searchParams: new URLSearchParams(search) }) ?? {
    kind: 'method-not-allowed',
    surface: 'page',
    allow: PAGE_METHODS,
  };
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  for (const { key, value } of securityHeaders()) headers[key] = value;
  switch (answer.kind) {
    case 'not-found':
      return answer.surface === 'api'
        ? { status: 404, headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ error: 'not found' }) }
        : { status: 404, headers, body: '' };
    case 'options':
    case 'method-not-allowed': {
      headers.Allow = answer.allow.join(', ');
      return answer.kind === 'method-not-allowed' && answer.surface === 'api'
        ? { status: 405, headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ error: 'method not allowed' }) }
        : { status: 405, headers, body: '' };
    }
  }
}

/** The path and query of a request target: origin form (`/a?b`), or absolute form (`http://host/a?b`). */
function splitTarget(target: string): { pathname: string; search: string } {
  let pathAndQuery = target;
  if (!target.startsWith('/')) {
    const afterScheme = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(target);
    pathAndQuery = afterScheme ? target.slice(afterScheme[0].length) || '/' : '/';
  }
  const query = pathAndQuery.indexOf('?');
  return query === -1 ? { pathname: pathAndQuery, search: '' } : { pathname: pathAndQuery.slice(0, query), search: pathAndQuery.slice(query + 1) };
}

/** A whole HTTP/1.1 response, for the events that hand over a socket rather than a response. */
export function rawResponse({ status, headers, body }: Refusal): string {
  const reason = status === 404 ? 'Not Found' : 'Method Not Allowed';
  const lines = Object.entries({ ...headers, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' }).map(([key, value]) => `${key}: ${value}`);
  return `HTTP/1.1 ${status} ${reason}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

/** Node's own answers to a client error it has no listener for (node/lib/_http_server.js, socketOnError). */
function nodeDefaultClientErrorResponse(code: string | undefined): string {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return 'HTTP/1.1 431 Request Header Fields Too Large\r\nConnection: close\r\n\r\n';
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return 'HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\n\r\n';
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n';
    default:
      return 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n';
  }
}

/**
 * `clientError`: a method token Node's parser does not know is answered like any refused method
 * (its target is not known, so with what a page takes); every other client error as Node answers
 * it without a listener, which adding this listener turns off.
 */
function onClientError(error: Error & { code?: string }, socket: Socket): void {
  if (socket.writable && socket.bytesWritten === 0) {
    socket.write(error.code === 'HPE_INVALID_METHOD' ? rawResponse(refusalFor('TRACK', '/')) : nodeDefaultClientErrorResponse(error.code));
  }
  socket.destroy(error);
}

/** `connect`: CONNECT names a host, not a path of the site; the site is no tunnel. */
function onConnect(_request: IncomingMessage, socket: Socket): void {
  socket.end(rawResponse(refusalFor('CONNECT', '/')));
}

/** Wraps the server's `request` listeners that are not yet wrapped, so that a refused request never reaches them. */
function guardRequestListeners(server: Server): void {
  for (const listener of server.listeners('request') as RequestListener[]) {
    if (listener[WRAPPED]) continue;
    const guarded: RequestListener = function (this: Server, request: IncomingMessage, response: ServerResponse) {
      if ((request as Marked)[REFUSED]) return;
      listener.call(this, request, response);
    };
    guarded[WRAPPED] = true;
    server.removeListener('request', listener);
    server.on('request', guarded);
  }
}

function watchServer(server: unknown): void {
  if (!(server instanceof Server)) return;
  const { servers } = hookState();
  if (servers.has(server)) return;
  servers.add(server);
  server.on('clientError', onClientError);
  server.on('connect', onConnect);
}

/**
 * Starts answering unroutable methods in every HTTP server of this process (idempotent). Call it
 * when the server starts (instrumentation.ts). Requests that arrive while Next is still starting,
 * before this runs, are not covered.
 */
export function refuseUnroutableMethods(): void {
  const state = hookState();
  if (state.installed) return;
  state.installed = true;
  subscribe('net.server.socket', (message) => {
    watchServer((message as { socket: Socket & { server?: unknown } }).socket.server);
  });
  subscribe('http.server.request.start', (message) => {
    const { request, response, server } = message as { request: IncomingMessage; response: ServerResponse; server: Server };
    watchServer(server);
    const method = request.method ?? '';
    if (!UNROUTABLE_METHODS.has(method)) return;
    (request as Marked)[REFUSED] = true;
    guardRequestListeners(server);
    const refusal = refusalFor(method, request.url ?? '/');
    response.writeHead(refusal.status, { ...refusal.headers, 'Content-Length': String(Buffer.byteLength(refusal.body)) });
    response.end(refusal.body);
  });
}
