/**
 * The client's address (lib/auth/client-address.ts): the socket's peer, recorded before Next sees
 * the request, and X-Forwarded-For only from the proxies TRUSTED_PROXIES names.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { clientAddress, clientFromHops, PEER_HEADER, peerStamp, requestHops, watchPeerAddresses } from '@/lib/auth/client-address';
import { parseTrustedProxies } from '@/lib/auth/trusted-proxies';

const trusted = (raw: string) => parseTrustedProxies(raw);

describe('what Next 16.5 does with X-Forwarded-For', () => {
  // The reason this module records the peer itself. The day Next appends the socket's address
  // instead (or drops client headers), this fails, and lib/auth/client-address.ts can be simplified.
  it('sets it from the socket only when the request has none: a client-sent header arrives unchanged', () => {
    const source = readFileSync(require.resolve('next/dist/server/base-server.js'), 'utf8');
    const assignments = source.match(/req\.headers\['x-forwarded-for'\]\s*(\?\?=|=)[^;]*;/g) ?? [];
    expect(assignments).toHaveLength(1);
    expect(assignments[0]).toMatch(/^req\.headers\['x-forwarded-for'\] \?\?= .*socket.*remoteAddress;$/);
  });
});

describe('the client among the hops, nearest last', () => {
  it.each<[string, string[], string | null, string | null]>([
    ['without trusted proxies, the socket peer, whatever the client claimed', ['198.51.100.1', '203.0.113.7'], null, '203.0.113.7'],
    ['without trusted proxies, a proxy in front counts as the client', ['203.0.113.7', '127.0.0.1'], null, '127.0.0.1'],
    ['the socket peer when nothing was forwarded', ['203.0.113.7'], 'loopback', '203.0.113.7'],
    ['the address a trusted proxy appended', ['203.0.113.7', '127.0.0.1'], 'loopback', '203.0.113.7'],
    ['not what the client claimed before the proxy appended', ['10.9.9.9', '198.51.100.2', '203.0.113.7', '127.0.0.1'], 'loopback', '203.0.113.7'],
    ['the first untrusted hop through a chain of trusted proxies', ['198.51.100.9', '203.0.113.7', '10.0.0.5', '127.0.0.1'], 'loopback,10.0.0.0/8', '203.0.113.7'],
    ['a client claiming to be a trusted proxy does not move the walk past itself', ['10.0.0.5', '203.0.113.7', '127.0.0.1'], 'loopback,10.0.0.0/8', '203.0.113.7'],
    ['a direct client that is not a trusted proxy, whatever it claims', ['198.51.100.1', '203.0.113.7'], 'loopback', '203.0.113.7'],
    ['the furthest hop when every hop is trusted', ['10.0.0.8', '127.0.0.1'], 'loopback,10.0.0.0/8', '10.0.0.8'],
    ['the peer itself when it is trusted and nothing was forwarded', ['127.0.0.1'], 'loopback', '127.0.0.1'],
    ['IPv6 through an IPv6 proxy', ['2001:DB8::7', 'fd00::1'], 'fd00::/8', '2001:db8::7'],
    ['an IPv4 client of a dual-stack proxy socket', ['::ffff:203.0.113.7'], 'loopback', '203.0.113.7'],
    ['unknown when a trusted proxy passed on something that is not an address', ['unknown', '127.0.0.1'], 'loopback', null],
    ['unknown when the peer is unknown', ['-'], null, null],
    ['unknown when there are no hops', [], 'loopback', null],
  ])('is %s', (_label, hops, proxies, expected) => {
    expect(clientFromHops(hops, proxies === null ? null : trusted(proxies))).toBe(expected);
  });
});

describe('the stamp', () => {
  const token = 'a'.repeat(48);

  it.each<[string, string | undefined, string | string[] | undefined, string[]]>([
    ['no forwarding header', '203.0.113.7', undefined, ['203.0.113.7']],
    ['a forwarding header', '127.0.0.1', '198.51.100.1, 203.0.113.7', ['198.51.100.1', '203.0.113.7', '127.0.0.1']],
    ['empty entries dropped', '127.0.0.1', ' , 203.0.113.7,', ['203.0.113.7', '127.0.0.1']],
    ['several forwarding headers', '127.0.0.1', ['198.51.100.1', '203.0.113.7'], ['198.51.100.1', '203.0.113.7', '127.0.0.1']],
    ['no socket address', undefined, undefined, ['-']],
  ])('reads back the hops with %s', (_label, peer, forwarded, hops) => {
    expect(requestHops(peerStamp(token, peer, forwarded), token)).toEqual(hops);
  });

  it.each([
    ['no stamp', null],
    ['a stamp without the secret', `${'b'.repeat(48)} 203.0.113.7 `],
    ['a shorter secret', `aaaa 203.0.113.7 `],
    ['a secret alone', 'a'.repeat(48)],
    ['a client’s guess at the format', '203.0.113.7'],
  ])('is ignored with %s', (_label, stamp) => {
    expect(requestHops(stamp, token)).toBeNull();
  });
});

/** A server in this process, with the hook installed, that answers with the client address it sees. */
async function listen(handler: http.RequestListener): Promise<{ url: string; port: number; close(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** One GET from a chosen local address (Linux routes all of 127.0.0.0/8 to loopback). */
function get(port: number, from: string, headers: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: '/', localAddress: from, headers, agent: false }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve(body));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('a real server, with and without a proxy in front', () => {
  watchPeerAddresses();
  let site: Awaited<ReturnType<typeof listen>>;
  let proxy: Awaited<ReturnType<typeof listen>>;
  let proxies: string | null = null;

  beforeAll(async () => {
    site = await listen((request, response) => {
      // What Next does before any route runs (base-server.js), so the app sees what it would see.
      request.headers['x-forwarded-for'] ??= request.socket.remoteAddress;
      const headers = new Headers(Object.entries(request.headers).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value] as [string, string]] : [])));
      response.end(JSON.stringify(clientAddress(headers, proxies === null ? null : trusted(proxies))));
    });
    // A stand-in for the nginx edge on 127.0.0.1: `X-Forwarded-For $proxy_add_x_forwarded_for`.
    proxy = await listen((request, response) => {
      const claimed = request.headers['x-forwarded-for'];
      const forwarded = `${claimed ? `${claimed}, ` : ''}${request.socket.remoteAddress}`;
      const upstream = http.request(
        { host: '127.0.0.1', port: site.port, path: request.url, localAddress: '127.0.0.1', headers: { 'x-forwarded-for': forwarded }, agent: false },
        (answer) => answer.pipe(response),
      );
      upstream.end();
    });
  });
  afterAll(async () => {
    await site.close();
    await proxy.close();
  });
  beforeEach(() => {
    proxies = null;
  });

  it('without TRUSTED_PROXIES, believes no header: a forged X-Forwarded-For or stamp changes nothing', async () => {
    expect(JSON.parse(await get(site.port, '127.0.0.2'))).toBe('127.0.0.2');
    expect(JSON.parse(await get(site.port, '127.0.0.2', { 'X-Forwarded-For': '198.51.100.1' }))).toBe('127.0.0.2');
    expect(JSON.parse(await get(site.port, '127.0.0.2', { 'X-Real-IP': '198.51.100.1' }))).toBe('127.0.0.2');
    expect(JSON.parse(await get(site.port, '127.0.0.2', { [PEER_HEADER]: 'x 198.51.100.1 ' }))).toBe('127.0.0.2');
  });

  it('without TRUSTED_PROXIES, every client behind a proxy counts as the proxy', async () => {
    expect(JSON.parse(await get(proxy.port, '127.0.0.3'))).toBe('127.0.0.1');
  });

  it('with the proxy trusted, the address the proxy saw, not what the client claimed', async () => {
    proxies = '127.0.0.1';
    expect(JSON.parse(await get(proxy.port, '127.0.0.3'))).toBe('127.0.0.3');
    expect(JSON.parse(await get(proxy.port, '127.0.0.3', { 'X-Forwarded-For': '198.51.100.1' }))).toBe('127.0.0.3');
    expect(JSON.parse(await get(proxy.port, '127.0.0.3', { 'X-Forwarded-For': '198.51.100.1, 127.0.0.1' }))).toBe('127.0.0.3');
  });

  it('with the proxy trusted, a client that goes around it is still itself, whatever it claims', async () => {
    proxies = '127.0.0.1';
    // The case Next alone gets wrong: its `??=` would hand the app "198.51.100.1" for this request.
    expect(JSON.parse(await get(site.port, '127.0.0.4', { 'X-Forwarded-For': '198.51.100.1' }))).toBe('127.0.0.4');
    expect(JSON.parse(await get(site.port, '127.0.0.4', { 'X-Forwarded-For': '198.51.100.1, 127.0.0.1' }))).toBe('127.0.0.4');
  });
});
