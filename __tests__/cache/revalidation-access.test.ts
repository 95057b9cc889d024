/**
 * POST /api/revalidate answers only the site's own machinery (loopback, trusted proxies, or what
 * REVALIDATE_ALLOW_FROM names) and only so often. The gate runs here on a real Node server with
 * the client-address hook, so the address it judges is the one the route handler would see.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { watchPeerAddresses } from '@/lib/auth/client-address';
import { REFUSED_PER_MINUTE, revalidateAllowList, revalidateGate, RevalidateLimiter, REVALIDATE_BURST } from '@/lib/cache/revalidation-access';

describe('the allow list', () => {
  it.each([
    [{}, '127.0.0.1', true],
    [{}, '::1', true],
    [{}, '203.0.113.9', false],
    [{}, null, false],
    [{ TRUSTED_PROXIES: '10.0.0.0/8' }, '10.1.2.3', true],
    [{ TRUSTED_PROXIES: '10.0.0.0/8' }, '127.0.0.1', true],
    [{ REVALIDATE_ALLOW_FROM: '192.0.2.0/24' }, '192.0.2.7', true],
    [{ REVALIDATE_ALLOW_FROM: '192.0.2.0/24' }, '127.0.0.1', false],
    [{ REVALIDATE_ALLOW_FROM: 'any' }, '203.0.113.9', true],
  ])('%j: %s is allowed: %s', (env, address, allowed) => {
    expect(revalidateAllowList(env).allows(address)).toBe(allowed);
  });

  it('names the variable of a malformed entry', () => {
    expect(() => revalidateAllowList({ REVALIDATE_ALLOW_FROM: 'loopback, example.org' })).toThrow(/^REVALIDATE_ALLOW_FROM: "example.org"/);
  });
});

describe('the rate limit', () => {
  it('lets a burst through, then one request per refill, and says when to retry', () => {
    const limiter = new RevalidateLimiter(10, 5, 3);
    const now = 1_000_000;
    for (let i = 0; i < 5; i += 1) expect(limiter.admit('127.0.0.1', now)).toEqual({ ok: true });
    expect(limiter.admit('127.0.0.1', now)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.admit('::1', now)).toEqual({ ok: true });
    expect(limiter.admit('127.0.0.1', now + 100)).toEqual({ ok: true });
    expect(limiter.admit('127.0.0.1', now + 100)).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  it('stops a client that keeps getting refused (guessing the secret) for the rest of the minute', () => {
    const limiter = new RevalidateLimiter();
    const now = 2_000_000;
    for (let i = 0; i < REFUSED_PER_MINUTE; i += 1) {
      expect(limiter.admit('192.0.2.1', now + i)).toEqual({ ok: true });
      limiter.refused('192.0.2.1', now + i);
    }
    expect(limiter.admit('192.0.2.1', now + 30_000)).toEqual({ ok: false, retryAfterSeconds: 30 });
    expect(limiter.admit('192.0.2.1', now + 60_001)).toEqual({ ok: true });
    expect(REVALIDATE_BURST).toBeGreaterThanOrEqual(REFUSED_PER_MINUTE);
  });
});

describe('the gate, on a real server', () => {
  let server: Server;
  let url = '';
  let env: Record<string, string | undefined> = {};

  beforeAll(async () => {
    watchPeerAddresses();
    server = createServer((request, response) => {
      const headers = { get: (name: string) => (request.headers[name] as string | undefined) ?? null };
      const { refusal } = revalidateGate(headers, env);
      response.statusCode = refusal?.status ?? 200;
      response.setHeader('retry-after', refusal?.headers.get('retry-after') ?? '');
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/revalidate`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (headers: Record<string, string> = {}) => fetch(url, { method: 'POST', headers });

  it('answers loopback, whatever X-Forwarded-For a client sends when no proxy is trusted', async () => {
    env = {};
    expect((await post()).status).toBe(200);
    expect((await post({ 'x-forwarded-for': '203.0.113.9' })).status).toBe(200);
  });

  it('is a 404 for a reader behind a trusted proxy, and answers a client REVALIDATE_ALLOW_FROM names', async () => {
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    env = { TRUSTED_PROXIES: 'loopback' };
    expect((await post({ 'x-forwarded-for': '203.0.113.9' })).status).toBe(404);
    expect((await post({ 'x-forwarded-for': '127.0.0.1' })).status).toBe(200);
    env = { TRUSTED_PROXIES: 'loopback', REVALIDATE_ALLOW_FROM: '203.0.113.0/24' };
    expect((await post({ 'x-forwarded-for': '203.0.113.9' })).status).toBe(200);
  });

  it('answers 429 with Retry-After past the burst', async () => {
    env = { TRUSTED_PROXIES: 'loopback', REVALIDATE_ALLOW_FROM: '198.51.100.0/24' };
    const responses = await Promise.all(Array.from({ length: REVALIDATE_BURST * 2 }, () => post({ 'x-forwarded-for': '198.51.100.4' })));
    const statuses = responses.map((response) => response.status);
    const retryAfter = responses.find((response) => response.status === 429)?.headers.get('retry-after') ?? '';
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(REVALIDATE_BURST);
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // Another client is not held up.
    expect((await post({ 'x-forwarded-for': '198.51.100.5' })).status).toBe(200);
  });
});
