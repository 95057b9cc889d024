/**
 * A counting pass-through between the edge and `next start`, for the publish storm: the edge's
 * access log cannot say what the origin did (background refreshes are not logged, and Next's
 * `x-nextjs-cache` is not in the log format), so this process forwards every request unchanged
 * and counts the origin's answers by status and by `x-nextjs-cache` (HIT: served from Next's
 * cache; MISS or STALE: Next rendered the page). Run as its own process by bench/edge.ts:
 *
 *   node --import tsx bench/origin-tap.ts <origin http://127.0.0.1:port> <listen port> <control port>
 *
 * `GET /` on the control port returns the counts as JSON; `POST /reset` zeroes them. Bodies are
 * streamed, never buffered; keep-alive on both sides, as nginx's upstream keepalive expects.
 */
import http from 'node:http';

const [originArg, portArg, controlArg] = process.argv.slice(2);
if (originArg === undefined || portArg === undefined || controlArg === undefined) {
  throw new Error('usage: origin-tap.ts <origin> <port> <control port>');
}
const origin = new URL(originArg);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

interface Counts {
  requests: number;
  byStatus: Record<string, number>;
  /** `x-nextjs-cache` of the origin's answer, '-' when it sent none. */
  byNextCache: Record<string, number>;
  /** Per path: requests and renders (x-nextjs-cache MISS or STALE). */
  byPath: Record<string, { requests: number; renders: number }>;
  failures: number;
}

let counts: Counts = { requests: 0, byStatus: {}, byNextCache: {}, byPath: {}, failures: 0 };

/** Hop-by-hop headers are the connection's own, not the message's (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

function forwardable(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const out: http.OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  return out;
}

function record(path: string, status: number, nextCache: string): void {
  counts.requests++;
  counts.byStatus[String(status)] = (counts.byStatus[String(status)] ?? 0) + 1;
  counts.byNextCache[nextCache] = (counts.byNextCache[nextCache] ?? 0) + 1;
  const entry = (counts.byPath[path] ??= { requests: 0, renders: 0 });
  entry.requests++;
  if (nextCache === 'MISS' || nextCache === 'STALE') entry.renders++;
}

http
  .createServer((request, response) => {
    const path = request.url ?? '/';
    const upstream = http.request(
      { host: origin.hostname, port: origin.port, method: request.method, path, headers: forwardable(request.headers), agent },
      (answer) => {
        const nextCache = answer.headers['x-nextjs-cache'];
        record(path, answer.statusCode ?? 0, typeof nextCache === 'string' ? nextCache.toUpperCase() : '-');
        response.writeHead(answer.statusCode ?? 502, forwardable(answer.headers));
        answer.pipe(response);
      },
    );
    upstream.on('error', () => {
      counts.failures++;
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end('origin unreachable\n');
    });
    request.pipe(upstream);
  })
  .listen(Number(portArg), '127.0.0.1');

http
  .createServer((request, response) => {
    if (request.method === 'POST' && request.url === '/reset') counts = { requests: 0, byStatus: {}, byNextCache: {}, byPath: {}, failures: 0 };
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(counts));
  })
  .listen(Number(controlArg), '127.0.0.1', () => console.log('ready'));
