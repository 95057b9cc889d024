/**
 * A bound on how many reads this instance works on at once; the rest wait their turn in order.
 *
 * Next starts every request it is handed at once. Under a burst of first renders (a crawler on the
 * archive, the edge's misses after a deploy, a front page nobody had asked for yet) each one holds
 * its React tree, its payload and its database rows until it has streamed, so fifty at once cost
 * fifty renders' memory (the bench saw 430 MB of RSS at 50 concurrent first renders) and finish no
 * sooner than they would one after another: two cores render two pages at a time. With a gate of a
 * few renders per core the same burst takes the same time, and memory stays near that of a few.
 *
 * What passes the gate: GET and HEAD for pages, payloads, feeds, sitemaps and the JSON API. What
 * does not wait: the build's static files and images (no render), and every other method, which
 * is the desk's (Server Actions, uploads) and the content CLI's: a save that waits for a
 * database lock must never hold a reader's place, nor wait behind readers.
 *
 * A request whose client has gone while it waited is dropped, never started. When the queue is
 * full, the request gets the localized 503 page (JSON under `/api/`) with `Retry-After` at once:
 * a clear answer, which the edge replaces with its stale copy where it has one.
 *
 * `SERVER_MAX_RENDERS` (default: twice the cores, at least 4) and `SERVER_RENDER_QUEUE` (default
 * 512) set it; `SERVER_MAX_RENDERS=0` turns it off. Installed on the process's HTTP servers the
 * way lib/site/unroutable-methods.ts installs its answers: from Node's `http.server.request.start`
 * diagnostics channel, by wrapping the server's `request` listeners (Next's) once.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { availableParallelism } from 'node:os';
import { renderErrorPage } from './error-pages';
import { editionOf, surfaceOf } from './request-guard';
import { securityHeaders } from './security-headers';

type Env = Readonly<Record<string, string | undefined>>;

export interface RenderGateSettings {
  /** At most this many gated requests are handed to the server at once; 0: no gate. */
  maxRenders: number;
  /** At most this many wait; the next one gets a 503. */
  maxQueue: number;
}

export const DEFAULT_RENDER_QUEUE = 512;

export function defaultMaxRenders(cores: number = availableParallelism()): number {
  return Math.max(4, 2 * cores);
}

function wholeNumber(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= min && value <= max)) throw new Error(`${name}: expected a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

/** The gate's settings from `SERVER_MAX_RENDERS` and `SERVER_RENDER_QUEUE`; throws naming the variable when one is off. */
export function renderGateSettings(env: Env = process.env): RenderGateSettings {
  return {
    maxRenders: wholeNumber(env, 'SERVER_MAX_RENDERS', defaultMaxRenders(), 0, 1024),
    maxQueue: wholeNumber(env, 'SERVER_RENDER_QUEUE', DEFAULT_RENDER_QUEUE, 0, 100_000),
  };
}

/** Requests that never wait: other methods than GET/HEAD, and files that need no render. */
export function bypassesGate(method: string | undefined, url: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return true;
  const path = url ?? '/';
  return path.startsWith('/_next/static/') || path.startsWith('/images/') || path === '/favicon.ico';
}

type Listener = (request: IncomingMessage, response: ServerResponse) => void;
type Wrapped = Listener & { [GATED]?: true };

const GATED = Symbol.for('sportnieuws.render-gate.wrapped');
const ADMITTED = Symbol.for('sportnieuws.render-gate.admitted');
const STATE = Symbol.for('sportnieuws.render-gate');

interface Waiting {
  start: () => void;
  response: ServerResponse;
}

/**
 * The gate itself, apart from any server: `admit` runs `start` now when a place is free, queues
 * it otherwise, and answers `refuse` when the queue is full. A place is given back when the
 * response is finished or its connection closes, whichever comes first.
 */
export class RenderGate {
  private running = 0;
  private readonly queue: Waiting[] = [];

  constructor(private readonly settings: RenderGateSettings) {}

  get inFlight(): number {
    return this.running;
  }

  get waiting(): number {
    return this.queue.length;
  }

  admit(response: ServerResponse, start: () => void, refuse: () => void): void {
    if (this.running < this.settings.maxRenders) return this.run({ start, response });
    if (this.queue.length >= this.settings.maxQueue) return refuse();
    const waiting: Waiting = { start, response };
    this.queue.push(waiting);
    // A client that leaves while it waits gives up its place in the queue.
    response.once('close', () => {
      const index = this.queue.indexOf(waiting);
      if (index !== -1) this.queue.splice(index, 1);
    });
  }

  private run(entry: Waiting): void {
    this.running += 1;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.running -= 1;
      this.next();
    };
    entry.response.once('finish', release);
    entry.response.once('close', release);
    try {
      entry.start();
    } catch (error) {
      release();
      throw error;
    }
  }

  private next(): void {
    while (this.running < this.settings.maxRenders && this.queue.length > 0) {
      const entry = this.queue.shift()!;
      if (entry.response.destroyed || entry.response.writableEnded) continue;
      this.run(entry);
    }
  }
}

/** The answer when the queue is full: the localized 503 page, or JSON under `/api/`, with Retry-After. */
export function refuseBusy(request: IncomingMessage, response: ServerResponse): void {
  const pathname = (request.url ?? '/').split('?')[0] ?? '/';
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', 'Retry-After': '5' };
  for (const { key, value } of securityHeaders()) headers[key] = value;
  const api = surfaceOf(pathname) === 'api';
  const locale = editionOf(pathname);
  const body = api ? JSON.stringify({ error: 'busy, try again shortly' }) : renderErrorPage(503, locale);
  headers['Content-Type'] = api ? 'application/json' : 'text/html; charset=utf-8';
  if (!api) headers['Content-Language'] = locale;
  response.writeHead(503, { ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** Wraps a server's `request` listeners, once, so that gated requests reach them through `gate`. */
export function gateServer(server: Server, gate: RenderGate): void {
  for (const listener of server.listeners('request') as Wrapped[]) {
    if (listener[GATED]) continue;
    const gated: Wrapped = function (this: Server, request: IncomingMessage & { [ADMITTED]?: true }, response: ServerResponse) {
      // Another hook may wrap this wrapper in turn (lib/site/unroutable-methods.ts does, after
      // its first refusal), and the gate then wraps that: a request passes the gate once, or it
      // would hold two places and wait for a third that its own kind holds.
      if (request[ADMITTED] || bypassesGate(request.method, request.url)) return listener.call(this, request, response);
      request[ADMITTED] = true;
      gate.admit(
        response,
        () => listener.call(this, request, response),
        () => refuseBusy(request, response),
      );
    };
    gated[GATED] = true;
    server.removeListener('request', listener);
    server.on('request', gated);
  }
}

interface GlobalWithGate {
  [STATE]?: RenderGate | null;
}

/**
 * Gates every HTTP server of this process (idempotent); call it when the server starts
 * (instrumentation.ts). Returns the gate, or null when `SERVER_MAX_RENDERS=0`.
 */
export function startRenderGate(env: Env = process.env): RenderGate | null {
  const holder = globalThis as GlobalWithGate;
  if (holder[STATE] !== undefined) return holder[STATE];
  const settings = renderGateSettings(env);
  const gate = settings.maxRenders === 0 ? null : new RenderGate(settings);
  holder[STATE] = gate;
  if (gate === null) return null;
  // Published just before the server emits the request to its listeners, so the first request is
  // gated too; checked on every request, since a listener may be added after the first.
  subscribe('http.server.request.start', (message) => gateServer((message as { server: Server }).server, gate));
  return gate;
}
