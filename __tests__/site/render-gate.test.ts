/**
 * The render gate (lib/site/render-gate.ts) on a real Node HTTP server whose request listener
 * stands in for Next and holds each render until the test lets it finish: at most N at once, the
 * rest in arrival order, nothing started for a client that left, static files and desk writes
 * never wait, and a full queue is a localized 503 at once.
 */
import { createServer, request as httpRequest, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bypassesGate, defaultMaxRenders, gateServer, RenderGate, renderGateSettings } from '@/lib/site/render-gate';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(port: number, path: string, method = 'GET'): { done: Promise<Answer>; abort: () => void } {
  let abort = () => {};
  const done = new Promise<Answer>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    abort = () => req.destroy();
    req.end();
  });
  return { done, abort };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 30));

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await tick();
  if (!check()) throw new Error('timed out waiting');
}

describe('a server behind the render gate', () => {
  let server: Server;
  let port = 0;
  let gate: RenderGate;
  /** Requests the stand-in for Next has been handed, in order, with a way to finish each. */
  const started: Array<{ url: string; finish: () => void }> = [];

  beforeAll(async () => {
    gate = new RenderGate({ maxRenders: 2, maxQueue: 3 });
    server = createServer((request, response: ServerResponse) => {
      started.push({ url: request.url ?? '', finish: () => response.end(`rendered ${request.url}`) });
    });
    gateServer(server, gate);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    for (const entry of started) entry.finish();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(async () => {
    for (const entry of started) entry.finish();
    await until(() => gate.inFlight === 0 && gate.waiting === 0);
    started.length = 0;
  });

  it('hands on two renders at once, and the others in the order they came as places free up', async () => {
    const requests = ['/a', '/b', '/c', '/d'].map((path) => get(port, path));
    await until(() => started.length === 2 && gate.waiting === 2);
    expect(started.map((entry) => entry.url)).toEqual(['/a', '/b']);
    started[1]!.finish();
    await until(() => started.length === 3);
    expect(started[2]!.url).toBe('/c');
    expect(gate.inFlight).toBe(2);
    started[0]!.finish();
    started[2]!.finish();
    await until(() => started.length === 4);
    started[3]!.finish();
    const answers = await Promise.all(requests.map((request) => request.done));
    expect(answers.map((answer) => answer.body)).toEqual(['rendered /a', 'rendered /b', 'rendered /c', 'rendered /d']);
  });

  it('never starts a request whose client left while it waited', async () => {
    const first = get(port, '/one');
    const second = get(port, '/two');
    await until(() => started.length === 2);
    const leaving = get(port, '/gone');
    leaving.done.catch(() => {});
    const staying = get(port, '/stays');
    await until(() => gate.waiting === 2);
    leaving.abort();
    await until(() => gate.waiting === 1);
    started[0]!.finish();
    await until(() => started.length === 3);
    expect(started.map((entry) => entry.url)).toEqual(['/one', '/two', '/stays']);
    started[1]!.finish();
    started[2]!.finish();
    await Promise.all([first.done, second.done, staying.done]);
  });

  it('lets static files and every method but GET and HEAD past the queue', async () => {
    const busy = [get(port, '/x'), get(port, '/y')];
    await until(() => started.length === 2);
    const asset = get(port, '/_next/static/chunks/app.js');
    const save = get(port, '/redactie/artikelen/1', 'POST');
    await until(() => started.length === 4);
    expect(started.slice(2).map((entry) => entry.url)).toEqual(['/_next/static/chunks/app.js', '/redactie/artikelen/1']);
    for (const entry of started) entry.finish();
    await Promise.all([...busy, asset, save].map((request) => request.done));
  });

  it('answers the localized 503 page, or JSON under /api/, with Retry-After when the queue is full', async () => {
    const held = ['/1', '/2', '/3', '/4', '/5'].map((path) => get(port, path));
    await until(() => started.length === 2 && gate.waiting === 3);
    const [english, api] = await Promise.all([get(port, '/en/news/late-goal').done, get(port, '/api/listings').done]);
    expect(english.status).toBe(503);
    expect(english.headers['retry-after']).toBe('5');
    expect(english.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(english.headers['content-security-policy']).toContain("default-src 'self'");
    expect(english.body).toContain('<html lang="en">');
    expect(api.status).toBe(503);
    expect(JSON.parse(api.body)).toEqual({ error: 'busy, try again shortly' });
    for (let i = 0; i < 5; i++) {
      for (const entry of started) entry.finish();
      await tick();
    }
    expect((await Promise.all(held.map((request) => request.done))).every((answer) => answer.status === 200)).toBe(true);
  });
});

describe('the gate with another hook wrapped around it', () => {
  it('admits each request once, so wrapping in turn cannot make requests wait on each other', async () => {
    const gate = new RenderGate({ maxRenders: 2, maxQueue: 10 });
    const finishers: Array<() => void> = [];
    const server = createServer((_request, response) => finishers.push(() => response.end('ok')));
    gateServer(server, gate);
    // As lib/site/unroutable-methods.ts does after its first refusal: its own wrapper around
    // whatever listener is there (the gate's), which the gate then finds unwrapped and wraps.
    for (const listener of server.listeners('request') as Array<(...args: unknown[]) => void>) {
      server.removeListener('request', listener);
      server.on('request', function (this: Server, ...args: unknown[]) {
        listener.apply(this, args);
      });
    }
    gateServer(server, gate);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const requests = ['/a', '/b', '/c'].map((path) => get(port, path));
      await until(() => finishers.length === 2 && gate.waiting === 1);
      expect(gate.inFlight).toBe(2);
      finishers[0]!();
      await until(() => finishers.length === 3);
      finishers[1]!();
      finishers[2]!();
      expect((await Promise.all(requests.map((request) => request.done))).map((answer) => answer.body)).toEqual(['ok', 'ok', 'ok']);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('render gate settings', () => {
  it('defaults to twice the cores, at least four, and a queue of 512', () => {
    expect(defaultMaxRenders(1)).toBe(4);
    expect(defaultMaxRenders(8)).toBe(16);
    expect(renderGateSettings({}).maxQueue).toBe(512);
  });

  it('takes 0 to turn the gate off, and refuses what is not a whole number in range, naming the variable', () => {
    expect(renderGateSettings({ SERVER_MAX_RENDERS: '0' }).maxRenders).toBe(0);
    expect(() => renderGateSettings({ SERVER_MAX_RENDERS: 'lots' })).toThrow('SERVER_MAX_RENDERS: expected a whole number from 0 to 1024, got "lots"');
    expect(() => renderGateSettings({ SERVER_RENDER_QUEUE: '-1' })).toThrow(/^SERVER_RENDER_QUEUE/);
  });

  it('lets files that need no render and writes bypass', () => {
    expect(bypassesGate('GET', '/_next/static/x.js')).toBe(true);
    expect(bypassesGate('GET', '/images/demo/a.webp')).toBe(true);
    expect(bypassesGate('POST', '/redactie')).toBe(true);
    expect(bypassesGate('GET', '/nieuws/x')).toBe(false);
    expect(bypassesGate('HEAD', '/feed.xml')).toBe(false);
    expect(bypassesGate('GET', '/media/1/a.jpg')).toBe(false);
  });
});
