/**
 * Methods Next cannot route (TRACE, CONNECT, method tokens Node's parser refuses) get a 405 from
 * the Node server itself, before its request listener (Next, in production) runs. A real Node HTTP
 * server and raw sockets, because these requests cannot be made with fetch.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { refusalFor, refuseUnroutableMethods } from '@/lib/site/unroutable-methods';
import { rawHttp } from '../support/raw-http';


function parse(answer: string): { status: number; headers: Record<string, string>; body: string } {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers, body };
}

const PROBE = 'X-Trace-Probe: do-not-echo-me';

describe('a Node server with the hook installed', () => {
  let server: Server;
  let port = 0;
  const seen: string[] = [];

  beforeAll(async () => {
    refuseUnroutableMethods();
    // Stands in for Next: it would answer these methods with a bare 500.
    server = createServer((request, response) => {
      seen.push(`${request.method} ${request.url}`);
      response.end(request.method === 'TRACE' ? `echo ${JSON.stringify(request.headers)}` : 'page');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    seen.length = 0;
  });

  it.each([
    ['TRACK', '/'],
    ['FOO', '/feed.xml'],
    ['get', '/'],
  ])('refuses %s (a token Node does not parse) with a 405 that has the security headers, even as the first request', async (method, path) => {
    const answer = parse(await rawHttp(port, `${method} ${path} HTTP/1.1\r\nHost: x\r\n${PROBE}\r\n\r\n`));
    expect(answer.status).toBe(405);
    expect(answer.headers['allow']).toBe('GET, HEAD, OPTIONS');
    expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.body).toBe('');
    expect(seen).toEqual([]);
  });

  it.each([
    ['/feed.xml', 'GET, HEAD, OPTIONS'],
    ['/nieuws/trainer-van-dijkstad-blijft-kalm-na-nederlaag?x=1', 'GET, HEAD, OPTIONS'],
    ['/redactie', 'GET, HEAD, POST, OPTIONS'],
    ['http://127.0.0.1/en/desk/articles', 'GET, HEAD, POST, OPTIONS'],
  ])('answers TRACE %s with a 405 naming what the path takes, echoing nothing, and the listener never sees it', async (path, allow) => {
    const raw = await rawHttp(port, `TRACE ${path} HTTP/1.1\r\nHost: x\r\n${PROBE}\r\nConnection: close\r\n\r\n`);
    const answer = parse(raw);
    expect(answer.status).toBe(405);
    expect(answer.headers['allow']).toBe(allow);
    expect(answer.headers['permissions-policy']).toContain('camera=()');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(raw).not.toContain('do-not-echo-me');
    expect(seen).toEqual([]);
  });

  it('answers TRACE under /api/ in JSON: 405 for an endpoint, 404 for a path that names none', async () => {
    const endpoint = parse(await rawHttp(port, 'TRACE /api/listings HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
    expect(endpoint.status).toBe(405);
    expect(endpoint.headers['allow']).toBe('GET, HEAD, OPTIONS');
    expect(JSON.parse(endpoint.body)).toEqual({ error: 'method not allowed' });
    const unknown = parse(await rawHttp(port, 'TRACE /api/bestaat-niet HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body)).toEqual({ error: 'not found' });
  });

  it('refuses CONNECT, which Node would drop without a word', async () => {
    const answer = parse(await rawHttp(port, `CONNECT example.org:443 HTTP/1.1\r\nHost: example.org:443\r\n${PROBE}\r\n\r\n`));
    expect(answer.status).toBe(405);
    expect(answer.headers['allow']).toBe('GET, HEAD, OPTIONS');
    expect(answer.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(seen).toEqual([]);
  });

  it('keeps Node’s own answers to other client errors', async () => {
    const answer = await rawHttp(port, `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(parse(await rawHttp(port, 'GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n')).status).toBe(400);
  });

  it('passes every other method to the listener, on the same connection after a refused one', async () => {
    const raw = await rawHttp(port, 'TRACE / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(raw).toMatch(/^HTTP\/1\.1 405 /);
    expect(raw).toContain('\r\n\r\npage');
    expect(parse(await rawHttp(port, 'PROPFIND / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).body).toBe('page');
    expect(seen).toEqual(['GET /', 'PROPFIND /']);
  });
});

describe('refusalFor', () => {
  it('is the request guard’s answer, with the site’s headers', () => {
    const refusal = refusalFor('TRACE', '/nieuws/%FF');
    expect(refusal.status).toBe(404);
    expect(Object.keys(refusal.headers)).toEqual(expect.arrayContaining(['Content-Security-Policy', 'Permissions-Policy', 'X-Content-Type-Options', 'Referrer-Policy']));
  });
});
