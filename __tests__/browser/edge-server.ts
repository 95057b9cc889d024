/**
 * Helpers for the suites that go through the edge cache (edge.spec.ts, not-found.spec.ts): an edge
 * on a free port, a raw HTTP client, a tiny stand-in origin a suite can close to see what the
 * edge does without one, and one in a process of its own that a suite can kill mid-response.
 *
 * The raw client (node:http) sends exactly the headers given and leaves bodies as they came:
 * Playwright's request context and fetch add Accept-Encoding and decompress, which would hide the
 * variants the edge must keep apart.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import http, { type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect } from '@playwright/test';
import { edgeRefreshToken } from '../../lib/cache/edge-refresh';
import { findNginx, NGINX_MISSING_MESSAGE, parseOrigins, startEdge, type EdgeOptions, type RunningEdge } from '../../scripts/edge';

export const NGINX = findNginx();
/** In CI (or with REQUIRE_EDGE) a missing nginx fails the edge suites instead of skipping them. */
export const REQUIRE_EDGE = Boolean(process.env.CI || process.env.REQUIRE_EDGE);
export const SUFFIX = NGINX || REQUIRE_EDGE ? '' : ' (skipped: nginx is not installed)';

function requireNginx(): string {
  if (!NGINX) throw new Error(`${NGINX_MISSING_MESSAGE}\nCI or REQUIRE_EDGE is set, so the edge suite fails instead of skipping.`);
  return NGINX;
}

export interface LaunchOptions {
  /** Default: a free one. */
  port?: number;
  /** The site's revalidation secret, when the suite sends refreshes (X-Edge-Refresh). */
  revalidateSecret?: string;
  /**
   * nginx workers (default 1). Two where what is checked must hold across workers, as it must in
   * production (`auto`): the count of failures that decides when an instance rests, for one.
   */
  workerProcesses?: number;
}

/** An edge on a free port with a runtime directory of its own; {@link shutDown} stops and removes both. */
export async function launchEdge(origin: string, launch: LaunchOptions = {}): Promise<{ edge: RunningEdge; runtimeDir: string }> {
  const nginx = requireNginx();
  const runtimeDir = mkdtempSync(path.join(tmpdir(), 'sportnieuws-edge-'));
  const options: EdgeOptions = {
    listenHost: '127.0.0.1',
    port: launch.port ?? (await freePort()),
    origins: parseOrigins(origin),
    runtimeDir,
    staleWindow: '10m',
    cacheMaxSize: '64m',
    workerProcesses: launch.workerProcesses ?? 1,
    refreshToken: launch.revalidateSecret ? edgeRefreshToken(launch.revalidateSecret) : null,
    refreshAllow: [],
  };
  try {
    return { edge: await startEdge(options, { nginx }), runtimeDir };
  } catch (error) {
    rmSync(runtimeDir, { recursive: true, force: true });
    throw error;
  }
}

export async function shutDown(edge: RunningEdge | undefined, runtimeDir: string) {
  if (edge) {
    await edge.stop();
    // Stopped by PID: signal 0 fails once the master is gone.
    expect(() => process.kill(edge.pid, 0)).toThrow();
  }
  if (runtimeDir) rmSync(runtimeDir, { recursive: true, force: true });
}

/**
 * Waits for the next second to begin. The edge keeps a page until the end of the second it fetched
 * it in, so a test that wants its second request answered from the copy its first one stored
 * starts both at the beginning of a second.
 */
export async function startOfSecond(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
}

/** A port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port'))));
    });
  });
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The body as UTF-8 text (meaningless for a compressed body). */
  text: string;
  /** X-Cache-Status, or '' when the edge sent none. */
  cache: string;
}

/**
 * One request on a fresh connection (or on `agent`'s); no redirects followed, nothing decoded.
 * Rejects after `timeoutMs` (default 15 s), closing the connection as a reader who gives up would.
 */
export function rawRequest(url: string, options: { method?: string; headers?: OutgoingHttpHeaders; body?: string; timeoutMs?: number; agent?: http.Agent } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: options.method ?? 'GET', headers: options.headers ?? {}, agent: options.agent ?? false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        const cache = response.headers['x-cache-status'];
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body, text: body.toString('utf8'), cache: typeof cache === 'string' ? cache : '' });
      });
      response.on('error', reject);
    });
    request.setTimeout(options.timeoutMs ?? 15_000, () => request.destroy(new Error(`timeout: ${url}`)));
    request.on('error', reject);
    request.end(options.body);
  });
}

/** What the tiny origin saw of one request. */
export interface SeenRequest {
  method: string;
  url: string;
  cookie: string | undefined;
  host: string | undefined;
  acceptEncoding: string | undefined;
  /** The X-Edge-Refresh header the origin got (the edge sends "1" for a refresh it accepted). */
  refresh: string | undefined;
}

export interface TinyOrigin {
  url: string;
  port: number;
  seen: SeenRequest[];
  /** Stops listening and drops every connection (the edge keeps idle keepalive ones). */
  close(): Promise<void>;
}

const NEXT_VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding';

/**
 * A stand-in for `next start` with Next's headers: pages with `Cache-Control: s-maxage=3600` and
 * Next's Vary, a Surrogate-Key, and gzip when asked. Each page names its render number, so a test
 * can tell a cached copy from a new render. Special paths: `/boom` (500), `/sets-cookie`,
 * `/private` (`private, no-store`), `/api/...` (JSON).
 */
export function startTinyOrigin(port: number): Promise<TinyOrigin> {
  const seen: SeenRequest[] = [];
  let renders = 0;
  const server = http.createServer((request, response) => {
    const url = request.url ?? '/';
    const { pathname } = new URL(url, 'http://origin');
    const cookie = request.headers.cookie;
    const acceptEncoding = request.headers['accept-encoding'];
    const refresh = request.headers['x-edge-refresh'] as string | undefined;
    seen.push({ method: request.method ?? '', url, cookie, host: request.headers.host, acceptEncoding, refresh });
    renders += 1;

    if (pathname === '/boom') {
      response.writeHead(500, { 'Content-Type': 'text/plain' }).end('origin failure\n');
      return;
    }
    if (pathname.startsWith('/api/')) {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'public, s-maxage=60' });
      response.end(JSON.stringify({ path: pathname, render: renders }));
      return;
    }
    const lang = pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'nl';
    const html = `<!doctype html><html lang="${lang}"><head><title>Tiny origin</title></head><body><h1>${pathname}</h1><p id="render">render ${renders}</p><p>${'Sportnieuws '.repeat(200)}</p></body></html>`;
    const headers: OutgoingHttpHeaders = {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 's-maxage=3600, stale-while-revalidate=31532400',
      Vary: NEXT_VARY,
      'Surrogate-Key': `page-${pathname.replace(/[^a-z0-9]+/gi, '-')} pages`,
    };
    if (pathname === '/sets-cookie') headers['Set-Cookie'] = 'visitor=1; Path=/; HttpOnly';
    if (pathname === '/private') headers['Cache-Control'] = 'private, no-store';
    const gzip = /\bgzip\b/i.test(acceptEncoding ?? '');
    const body = gzip ? gzipSync(html) : Buffer.from(html);
    if (gzip) headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = body.length;
    response.writeHead(200, headers).end(request.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        seen,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      }),
    );
  });
}

/** The size of a log file now: what is written after this offset is new. */
export function logOffset(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The lines written to a log file after `offset`. */
export function logLinesSince(file: string, offset: number): string[] {
  return readFileSync(file).subarray(offset).toString('utf8').split('\n').filter((line) => line.trim() !== '');
}

/**
 * The edge's attempts at an origin on `port` that failed, from the edge's error log: nginx logs one
 * line per failed attempt (refused, reset, timed out), naming the address it tried. While the
 * origin is dead, every attempt fails, so this counts every attempt.
 */
export function failedAttemptsAt(errorLog: string, offset: number, port: number): number {
  return logLinesSince(errorLog, offset).filter((line) => /\[error\]/.test(line) && line.includes(`upstream: "http://127.0.0.1:${port}/`)).length;
}

export interface KillableOrigin {
  url: string;
  port: number;
  pid: number;
  /** SIGKILL, as a crash: no response in flight is finished, and the port refuses from then on. */
  kill(): Promise<void>;
}

/**
 * The origin of {@link startKillableOrigin}, run with `node -e` so that it is a process of its own.
 * Arguments: port, a delay before each answer starts (ms), and a label every page shows. Pages
 * carry Next's headers; /api/ answers JSON. It writes "listening" once it accepts connections.
 */
const KILLABLE_ORIGIN = `
const http = require('node:http');
const [port, delay, label] = process.argv.slice(1);
let renders = 0;
const server = http.createServer((request, response) => {
  renders += 1;
  const render = renders;
  setTimeout(() => {
    const { pathname } = new URL(request.url || '/', 'http://origin');
    if (pathname.startsWith('/api/')) {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'public, s-maxage=60' });
      response.end(JSON.stringify({ path: pathname, render, label }));
      return;
    }
    const lang = pathname === '/en' || pathname.startsWith('/en/') ? 'en' : 'nl';
    const html = '<!doctype html><html lang="' + lang + '"><head><title>Killable origin</title></head><body><h1>' + pathname +
      '</h1><p id="render">render ' + render + '</p><p id="label">' + label + '</p></body></html>';
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 's-maxage=3600, stale-while-revalidate=31532400',
      Vary: '${NEXT_VARY}',
      'Content-Length': Buffer.byteLength(html),
    });
    response.end(request.method === 'HEAD' ? undefined : html);
  }, Number(delay));
});
server.listen(Number(port), '127.0.0.1', () => process.stdout.write('listening\\n'));
`;

/**
 * A stand-in origin in a child process, which a test kills (SIGKILL) to see what the edge does when
 * the site dies, including with requests in flight: with `delayMs`, every answer starts that late,
 * so a kill inside that window catches them before their headers.
 */
export async function startKillableOrigin(port: number, options: { delayMs?: number; label?: string } = {}): Promise<KillableOrigin> {
  const child = spawn(process.execPath, ['-e', KILLABLE_ORIGIN, String(port), String(options.delayMs ?? 0), options.label ?? 'first'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the killable origin did not start');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the killable origin did not listen on ${port}`)), 10_000);
    child.stdout?.once('data', () => {
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the killable origin exited (${code}) before it listened on ${port}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
