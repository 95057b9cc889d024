/**
 * The page cache (lib/cache/handler.js) on a real file system and, when TEST_REDIS_URL is set, a
 * real Redis server. Each "instance" is the handler loaded in a module registry of its own, so it
 * has its own in-memory cache and tag manifest, as a separate `next start` process would.
 *
 * Without TEST_REDIS_URL the Redis block is registered as skipped, with the reason in its title,
 * unless REQUIRE_REDIS is set (CI), which fails.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type SiteCacheHandlerClass from '@/lib/cache/handler';
import { decodeEntry, encodeEntry, sharedCacheConfig } from '@/lib/cache/handler';
import { deleteRedisPrefix, REQUIRE_REDIS, TEST_REDIS_URL } from '../setup/redis';

type HandlerModule = typeof import('@/lib/cache/handler');
type Handler = InstanceType<typeof SiteCacheHandlerClass>;


const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

/** A build output folder with a BUILD_ID, as `next build` leaves it; returns its server folder. */
function buildFolder(buildId = 'build-1'): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'sportnieuws-cache-'));
  directories.push(dist);
  writeFileSync(path.join(dist, 'BUILD_ID'), buildId);
  mkdirSync(path.join(dist, 'server', 'app'), { recursive: true });
  return path.join(dist, 'server');
}

/** The handler module in a registry of its own: one server process. */
function loadInstance(): HandlerModule {
  let loaded: HandlerModule | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the CommonJS handler in this isolated registry; an import would be hoisted out of it
    loaded = require('@/lib/cache/handler');
  });
  return loaded!;
}

function handlerOf(instance: HandlerModule, serverDistDir: string, maxMemoryCacheSize = 10 * 1024 * 1024): Handler {
  const Handler = instance.default;
  return new Handler({
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- Next's internal CommonJS module, untyped: what Next itself hands the handler
    fs: require('next/dist/server/lib/node-fs-methods').nodeFs,
    dev: false,
    flushToDisk: true,
    serverDistDir,
    revalidatedTags: [],
    maxMemoryCacheSize,
    _requestHeaders: {},
  } as never);
}

function page(html: string, { status = 200, tags = ['article:1', 'listings:nl'] } = {}) {
  return {
    kind: 'APP_PAGE',
    html,
    rscData: Buffer.from(`rsc:${html}`),
    headers: { 'x-next-cache-tags': tags.join(',') },
    status,
    postponed: undefined,
    segmentData: new Map([['/_tree', Buffer.from([0, 1, 2, 255])]]),
  } as const;
}

const pageGet = { kind: 'APP_PAGE', isFallback: false, isRoutePPREnabled: false } as never;
const pageSet = { cacheControl: { revalidate: 3600, expire: undefined }, isFallback: false, isRoutePPREnabled: false } as never;

async function read(handler: Handler, key: string): Promise<{ value: ReturnType<typeof page>; lastModified: number } | null> {
  return (await handler.get(key, pageGet)) as never;
}

/** Every file under a folder, relative to it. */
function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

describe('the shared-cache settings', () => {
  it('are off without REDIS_URL', () => {
    expect(sharedCacheConfig({})).toBeNull();
    expect(sharedCacheConfig({ REDIS_URL: '  ' })).toBeNull();
  });

  it('take a redis:// or rediss:// URL and a key prefix', () => {
    expect(sharedCacheConfig({ REDIS_URL: 'redis://127.0.0.1:6379' })).toEqual({ url: 'redis://127.0.0.1:6379', prefix: 'sportnieuws' });
    expect(sharedCacheConfig({ REDIS_URL: 'rediss://cache.internal:6380/2', REDIS_KEY_PREFIX: 'site-2' })).toEqual({
      url: 'rediss://cache.internal:6380/2',
      prefix: 'site-2',
    });
  });

  it('refuse anything else with the variable named', () => {
    expect(() => sharedCacheConfig({ REDIS_URL: 'localhost:6379' })).toThrow('REDIS_URL: expected a redis:// or rediss:// URL, got "localhost:6379"');
    expect(() => sharedCacheConfig({ REDIS_URL: 'not a url' })).toThrow('REDIS_URL: expected a URL like redis://127.0.0.1:6379, got "not a url"');
    expect(() => sharedCacheConfig({ REDIS_URL: 'redis://127.0.0.1', REDIS_KEY_PREFIX: 'a b' })).toThrow('REDIS_KEY_PREFIX');
  });
});

describe('entries for Redis', () => {
  it('keep their bytes, maps and text, long and short', () => {
    const html = `<main><p>Één • ${'Wedstrijdverslag '.repeat(200)}</p></main>`;
    const entry = { value: page(html), lastModified: 1, cacheControl: { revalidate: 60 } };
    const restored = decodeEntry(encodeEntry(entry)) as typeof entry;
    expect(restored).toEqual(entry);
    expect(restored.value.html).toBe(html);
    expect(Buffer.isBuffer(restored.value.rscData)).toBe(true);
    expect(restored.value.segmentData.get('/_tree')).toEqual(Buffer.from([0, 1, 2, 255]));
    const fetched = { value: { kind: 'FETCH', data: { headers: {}, body: '{"titel":"Één"}', status: 200, url: '' }, tags: ['a'] }, lastModified: 2 };
    expect(decodeEntry(encodeEntry(fetched))).toEqual(fetched);
  });

  it('carry bytes raw, not as base64 or escaped JSON', () => {
    const html = 'x'.repeat(50_000);
    const encoded = encodeEntry({ value: page(html), lastModified: 1 });
    // The HTML, its RSC bytes (`rsc:` + HTML) and the segment, plus a small header.
    expect(encoded.length).toBeLessThan(2 * html.length + 1000);
  });

  it('copy their buffers out of the reply, so an entry does not pin it', () => {
    const restored = decodeEntry(encodeEntry({ value: page('<p>kort</p>'), lastModified: 1 })) as { value: ReturnType<typeof page> };
    expect(restored.value.rscData.buffer.byteLength).toBe(restored.value.rscData.length);
  });

  it('refuse bytes that are not an entry', () => {
    expect(() => decodeEntry(Buffer.from('{"value":1}'))).toThrow(RangeError);
    const entry = encodeEntry({ value: page('<p>kort</p>'), lastModified: 1 });
    expect(() => decodeEntry(entry.subarray(0, entry.length - 3))).toThrow('cache entry points past its end');
  });
});

describe('the page cache in memory (no REDIS_URL)', () => {
  const saved = process.env.REDIS_URL;
  beforeAll(() => delete process.env.REDIS_URL);
  afterAll(() => {
    if (saved !== undefined) process.env.REDIS_URL = saved;
  });

  it('keeps pages in memory and writes nothing to disk, so a restarted server starts empty', async () => {
    const server = buildFolder();
    const handler = handlerOf(loadInstance(), server);
    await handler.set('/nl/nieuws/een', page('<h1>Een</h1>') as never, pageSet);
    expect((await read(handler, '/nl/nieuws/een'))?.value.html).toBe('<h1>Een</h1>');
    expect(filesUnder(server)).toEqual([]);

    // A restart may follow writes this process never saw (an import while it was down, a restored
    // backup, another database): it serves nothing it made before.
    expect(await read(handlerOf(loadInstance(), server), '/nl/nieuws/een')).toBeNull();
  });

  it('holds no more than its byte budget, dropping the least recently used pages first', async () => {
    const handler = handlerOf(loadInstance(), buildFolder(), 64 * 1024);
    const html = (n: number) => `<h1>${n}</h1>${'x'.repeat(10_000)}`;
    for (let n = 0; n < 6; n++) await handler.set(`/nl/nieuws/${n}`, page(html(n)) as never, pageSet);
    expect(await read(handler, '/nl/nieuws/0')).toBeNull();
    expect((await read(handler, '/nl/nieuws/5'))?.value.html).toBe(html(5));
  });

  it('expires a page when one of its tags is revalidated, and no page without that tag', async () => {
    const handler = handlerOf(loadInstance(), buildFolder());
    await handler.set('/nl/nieuws/een', page('<h1>Een</h1>', { tags: ['slug:nl:een', 'taxonomy'] }) as never, pageSet);
    await handler.set('/nl/nieuws/twee', page('<h1>Twee</h1>', { tags: ['slug:nl:twee', 'taxonomy'] }) as never, pageSet);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await handler.revalidateTag(['slug:nl:een', 'listings:nl'], { expire: 0 });
    expect(await read(handler, '/nl/nieuws/een')).toBeNull();
    expect((await read(handler, '/nl/nieuws/twee'))?.value.html).toBe('<h1>Twee</h1>');
  });

  it('forgets tag expiries no held page needs, so a large import cannot grow them without end', async () => {
    const handler = handlerOf(loadInstance(), buildFolder());
    await handler.set('/nl/nieuws/oud', page('<h1>Oud</h1>', { tags: ['slug:nl:oud'] }) as never, pageSet);
    await new Promise((resolve) => setTimeout(resolve, 5));
    for (let start = 0; start < 12_000; start += 500) {
      await handler.revalidateTag(Array.from({ length: 500 }, (_, i) => `slug:nl:stuk-${start + i}`), { expire: 0 });
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
    await handler.set('/nl/nieuws/nieuw', page('<h1>Nieuw</h1>', { tags: ['slug:nl:nieuw'] }) as never, pageSet);
    await handler.revalidateTag(['slug:nl:oud'], { expire: 0 });
    // The page the expiry concerns is gone; the one made after every other expiry is still served.
    expect(await read(handler, '/nl/nieuws/oud')).toBeNull();
    expect((await read(handler, '/nl/nieuws/nieuw'))?.value.html).toBe('<h1>Nieuw</h1>');
  });

  it('keeps no 503 answered while the database was down, and keeps the older copy', async () => {
    const handler = handlerOf(loadInstance(), buildFolder());
    await handler.set('/feed.xml', page('<rss>oud</rss>') as never, pageSet);
    await handler.set('/feed.xml', page('<error/>', { status: 503 }) as never, pageSet);
    expect((await read(handler, '/feed.xml'))?.value.html).toBe('<rss>oud</rss>');
    await handler.set('/sitemap.xml', page('<error/>', { status: 503 }) as never, pageSet);
    expect(await read(handler, '/sitemap.xml')).toBeNull();
  });

  it('keeps not-found pages, which a restart forgets like every page', async () => {
    const server = buildFolder();
    const handler = handlerOf(loadInstance(), server);
    for (let i = 0; i < 20; i++) await handler.set(`/nl/nieuws/bestaat-niet-${i}`, page('<h1>Niet gevonden</h1>', { status: 404 }) as never, pageSet);

    expect(filesUnder(server)).toEqual([]);
    expect((await read(handler, '/nl/nieuws/bestaat-niet-3'))?.value.status).toBe(404);
    expect(await read(handlerOf(loadInstance(), server), '/nl/nieuws/bestaat-niet-3')).toBeNull();
  });

  it('drops a not-found page when its tag is revalidated (an article published at that slug)', async () => {
    const server = buildFolder();
    const handler = handlerOf(loadInstance(), server);
    await handler.set('/nl/nieuws/later', page('<h1>Niet gevonden</h1>', { status: 404, tags: ['slug:nl:later'] }) as never, pageSet);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await handler.revalidateTag(['slug:nl:later'], { expire: 0 });
    expect(await read(handler, '/nl/nieuws/later')).toBeNull();
  });
});

const describeRedis = TEST_REDIS_URL || REQUIRE_REDIS ? describe : describe.skip;
const redisTitle = TEST_REDIS_URL || REQUIRE_REDIS ? 'the shared cache in Redis' : 'the shared cache in Redis (skipped: set TEST_REDIS_URL)';

describeRedis(redisTitle, () => {
  const prefix = `test-${randomBytes(6).toString('hex')}`;
  const loaded: HandlerModule[] = [];
  const saved = { url: process.env.REDIS_URL, prefix: process.env.REDIS_KEY_PREFIX };

  beforeAll(() => {
    if (!TEST_REDIS_URL) throw new Error('REQUIRE_REDIS is set but TEST_REDIS_URL is not: the Redis suite cannot run.');
    process.env.REDIS_URL = TEST_REDIS_URL;
    process.env.REDIS_KEY_PREFIX = prefix;
  });

  afterAll(async () => {
    await Promise.all(loaded.map((instance) => instance.closeSharedCaches()));
    process.env.REDIS_URL = saved.url;
    process.env.REDIS_KEY_PREFIX = saved.prefix;
    if (saved.url === undefined) delete process.env.REDIS_URL;
    if (saved.prefix === undefined) delete process.env.REDIS_KEY_PREFIX;
    if (TEST_REDIS_URL) await deleteRedisPrefix(TEST_REDIS_URL, prefix);
  });

  /** A new server process on `server`'s build. */
  function instance(server: string, maxMemoryCacheSize?: number): Handler {
    const handlerModule = loadInstance();
    loaded.push(handlerModule);
    return handlerOf(handlerModule, server, maxMemoryCacheSize);
  }

  const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('serves a page one instance rendered from every other, bytes intact, without touching their disks', async () => {
    const server = buildFolder('shared-1');
    const a = instance(server);
    const b = instance(server);
    await a.set('/nl/nieuws/gedeeld', page('<h1>Gedeeld</h1>') as never, pageSet);

    const seen = await read(b, '/nl/nieuws/gedeeld');
    expect(seen?.value.html).toBe('<h1>Gedeeld</h1>');
    expect(seen?.value.rscData).toEqual(Buffer.from('rsc:<h1>Gedeeld</h1>'));
    expect(seen?.value.segmentData.get('/_tree')).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(filesUnder(server)).toEqual([]);
  });

  it('expires a tag for every instance at once, including copies they hold in memory', async () => {
    const server = buildFolder('shared-2');
    const a = instance(server);
    const b = instance(server);
    await a.set('/nl/nieuws/wijzigt', page('<h1>Oud</h1>', { tags: ['article:7'] }) as never, pageSet);
    expect((await read(b, '/nl/nieuws/wijzigt'))?.value.html).toBe('<h1>Oud</h1>'); // now in b's memory too
    await pause();

    await a.revalidateTag(['article:7'], { expire: 0 });
    expect(await read(b, '/nl/nieuws/wijzigt')).toBeNull();
    expect(await read(a, '/nl/nieuws/wijzigt')).toBeNull();

    // b renders it again; a, whose memory still holds the old page, is served the new one.
    await pause();
    await b.set('/nl/nieuws/wijzigt', page('<h1>Nieuw</h1>', { tags: ['article:7'] }) as never, pageSet);
    expect((await read(a, '/nl/nieuws/wijzigt'))?.value.html).toBe('<h1>Nieuw</h1>');
  });

  it('leaves untouched tags alone and ignores stale-only revalidations', async () => {
    const server = buildFolder('shared-3');
    const a = instance(server);
    const b = instance(server);
    await a.set('/nl/rubriek/eredivisie', page('<h1>Eredivisie</h1>', { tags: ['section:nl:eredivisie'] }) as never, pageSet);
    await pause();
    await a.revalidateTag(['article:99'], { expire: 0 });
    await a.revalidateTag(['section:nl:eredivisie'], {});
    expect((await read(b, '/nl/rubriek/eredivisie'))?.value.html).toBe('<h1>Eredivisie</h1>');
  });

  it('expires every entry made before Redis lost its tag table, whose timestamps went with it', async () => {
    const server = buildFolder('shared-6');
    const a = instance(server);
    await a.set('/nl', page('<h1>Voor de herstart</h1>', { tags: ['listings:nl'] }) as never, pageSet);
    expect((await read(a, '/nl'))?.value.html).toBe('<h1>Voor de herstart</h1>');
    await pause();

    const { createClient } = await import('redis');
    const raw = createClient({ url: TEST_REDIS_URL });
    await raw.connect();
    try {
      // Redis restarted empty: the page is still in a's memory, the expiry of listings:nl is gone.
      await raw.del(`${prefix}:tags`);
      expect(await read(a, '/nl')).toBeNull();
      expect(await read(instance(server), '/nl')).toBeNull();
      await pause();
      await a.set('/nl', page('<h1>Na de herstart</h1>', { tags: ['listings:nl'] }) as never, pageSet);
      expect((await read(instance(server), '/nl'))?.value.html).toBe('<h1>Na de herstart</h1>');
    } finally {
      await raw.close();
    }
  });

  it('treats an entry it cannot read as a miss, which the next render replaces', async () => {
    const server = buildFolder('shared-5');
    const a = instance(server);
    const { createClient } = await import('redis');
    const raw = createClient({ url: TEST_REDIS_URL });
    await raw.connect();
    try {
      await raw.set(`${prefix}:page:shared-5:/nl/nieuws/kapot`, '{"value":"written by something else"}');
      expect(await read(a, '/nl/nieuws/kapot')).toBeNull();
      await a.set('/nl/nieuws/kapot', page('<h1>Heel</h1>') as never, pageSet);
      expect((await read(instance(server), '/nl/nieuws/kapot'))?.value.html).toBe('<h1>Heel</h1>');
    } finally {
      await raw.close();
    }
  });

  it('keeps each build apart, so a deploy never serves the previous build’s pages', async () => {
    const before = instance(buildFolder('deploy-1'));
    const after = instance(buildFolder('deploy-2'));
    await before.set('/nl', page('<h1>Voorpagina</h1>') as never, pageSet);
    expect(await read(after, '/nl')).toBeNull();
  });

  it('keeps not-found pages out of Redis', async () => {
    const server = buildFolder('shared-4');
    const a = instance(server);
    const b = instance(server);
    await a.set('/nl/nieuws/onbekend', page('<h1>Niet gevonden</h1>', { status: 404 }) as never, pageSet);
    expect((await read(a, '/nl/nieuws/onbekend'))?.value.status).toBe(404);
    expect(await read(b, '/nl/nieuws/onbekend')).toBeNull();
  });

  it('shares data-cache entries, expired through their implicit page tags', async () => {
    const server = buildFolder('shared-5');
    const a = instance(server);
    const b = instance(server);
    const data = { kind: 'FETCH', data: { headers: {}, body: '{"titel":"Een"}', url: '', status: 200 }, revalidate: 3600 } as const;
    await a.set('hash-1', data as never, { fetchCache: true, tags: ['article:1'] } as never);
    const fetchGet = (softTags: string[]) => ({ kind: 'FETCH', tags: ['article:1'], softTags }) as never;

    expect(((await b.get('hash-1', fetchGet(['_N_T_/nl/nieuws/een']))) as { value: typeof data } | null)?.value.data.body).toBe('{"titel":"Een"}');
    await pause();
    await a.revalidateTag(['_N_T_/nl/nieuws/een'], { expire: 0 });
    expect(await b.get('hash-1', fetchGet(['_N_T_/nl/nieuws/een']))).toBeNull();
  });

  it('renders afresh, without errors or stale pages, when Redis cannot be reached', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    process.env.REDIS_URL = 'redis://127.0.0.1:1';
    try {
      const server = buildFolder('unreachable');
      const handler = instance(server);
      await expect(handler.set('/nl/nieuws/x', page('<h1>X</h1>') as never, pageSet)).resolves.toBeUndefined();
      expect(await read(handler, '/nl/nieuws/x')).toBeNull();
      await expect(handler.revalidateTag(['article:1'], { expire: 0 })).resolves.toBeUndefined();
      expect(filesUnder(server)).toEqual([]);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/^Shared cache \(Redis\) unavailable, rendering without it: /);
    } finally {
      process.env.REDIS_URL = TEST_REDIS_URL;
      warn.mockRestore();
    }
  });
});

