// @ts-check
/**
 * The site's page and data cache (Next's `cacheHandler`, see next.config.js). Plain JavaScript:
 * `next start` loads it at run time, outside the compiled app.
 *
 * It is Next's own file-system cache with two changes.
 *
 * 1. **Not-found pages never reach the disk.** Next caches the 404 of a dynamic route like any
 *    page, so every made-up slug a crawler tries (`/nieuws/zzz-123`) would leave a page on disk for
 *    good. Here they stay in the bounded in-memory cache only (`cacheMaxMemorySize`): an unknown URL
 *    costs a render at worst, never disk space.
 *
 * 2. **A shared cache when `REDIS_URL` is set.** Several instances behind a proxy then share one
 *    page cache: a page one instance rendered is served by all, and a tag one instance revalidates
 *    is expired for all at once (the `cache_invalidations` table still tells every instance within
 *    a scheduler tick, as it does without Redis). An instance reads an entry from its in-memory
 *    cache first, then from Redis, then from the build's prerendered pages, and serves the first
 *    that none of its tags has expired since it was made. Keys carry the build id, so a deploy never
 *    serves pages that link to the previous build's scripts; entries expire after a week unless
 *    rendered again. When Redis cannot be reached, pages are rendered afresh and not cached until it
 *    is back: slower, never stale. `next build` does not use Redis.
 */
const { readFileSync } = require('node:fs');
const path = require('node:path');
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache').default;
const { sharedCacheConfig } = require('./shared-config');

/** Next's response header that lists a cached page's tags. */
const TAGS_HEADER = 'x-next-cache-tags';
/** Redis keeps a page for a week after it was last rendered. */
const ENTRY_TTL_SECONDS = 7 * 24 * 60 * 60;
/** How long the first use of the shared cache waits for the connection. */
const FIRST_CONNECT_WAIT_MS = 1000;
/** At most one "Redis is unreachable" warning per this many milliseconds. */
const WARN_EVERY_MS = 30_000;

/** The URL without its password, for messages. @param {string} raw */
function redactedUrl(raw) {
  const url = new URL(raw);
  if (url.password) url.password = '***';
  return url.toString();
}

/** Strings at least this long (a page's HTML) travel as UTF-8 bytes beside the JSON, not inside it. */
const LONG_STRING = 1024;

/**
 * A cache entry as one Buffer for Redis: a length-prefixed JSON header, then the raw bytes of the
 * entry's Buffers (a page's RSC payload and prefetch segments) and long strings (its HTML), which
 * the header points at by offset and length. No base64 and no escaping, so a page costs its own
 * size on the way to and from Redis, not a second copy a third larger in a JSON string.
 * @param {unknown} entry
 * @returns {Buffer}
 */
function encodeEntry(entry) {
  /** @type {Buffer[]} */
  const parts = [];
  let offset = 0;
  /** @param {Buffer} bytes */
  const place = (bytes) => {
    parts.push(bytes);
    offset += bytes.length;
    return [offset - bytes.length, bytes.length];
  };
  /** @param {unknown} value @returns {unknown} */
  const pack = (value) => {
    if (Buffer.isBuffer(value)) return { $bytes: place(value) };
    if (typeof value === 'string' && value.length >= LONG_STRING) return { $text: place(Buffer.from(value, 'utf8')) };
    if (value instanceof Map) return { $map: [...value].map(([key, item]) => [key, pack(item)]) };
    if (Array.isArray(value)) return value.map(pack);
    if (value && typeof value === 'object') {
      /** @type {Record<string, unknown>} */
      const out = {};
      for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = pack(item);
      return out;
    }
    return value;
  };
  const header = Buffer.from(JSON.stringify(pack(entry)), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, ...parts]);
}

/**
 * The entry `encodeEntry` made. Buffers are copied out, so the entry does not keep the whole
 * Redis reply alive; long strings come back flat.
 * @param {Buffer} bytes
 * @returns {any}
 */
function decodeEntry(bytes) {
  const headerEnd = 4 + bytes.readUInt32BE(0);
  if (headerEnd > bytes.length) throw new RangeError('cache entry header runs past its end');
  /** @param {unknown} span */
  const slice = (span) => {
    const [start, length] = /** @type {[number, number]} */ (span);
    if (!(start >= 0 && length >= 0 && headerEnd + start + length <= bytes.length)) throw new RangeError('cache entry points past its end');
    return bytes.subarray(headerEnd + start, headerEnd + start + length);
  };
  /** @param {unknown} value @returns {unknown} */
  const unpack = (value) => {
    if (Array.isArray(value)) return value.map(unpack);
    if (value && typeof value === 'object') {
      const record = /** @type {Record<string, unknown>} */ (value);
      if (Array.isArray(record.$bytes)) {
        const span = slice(record.$bytes);
        const copy = Buffer.allocUnsafeSlow(span.length);
        span.copy(copy);
        return copy;
      }
      if (Array.isArray(record.$text)) return slice(record.$text).toString('utf8');
      if (Array.isArray(record.$map)) return new Map(record.$map.map(([key, item]) => [key, unpack(item)]));
      /** @type {Record<string, unknown>} */
      const out = {};
      for (const [key, item] of Object.entries(record)) out[key] = unpack(item);
      return out;
    }
    return value;
  };
  return unpack(JSON.parse(bytes.toString('utf8', 4, headerEnd)));
}

/**
 * The tags an entry depends on: a page's from its tags header, a data-cache entry's from the
 * request (its own tags and the page's implicit ones).
 * @param {any} entry
 * @param {any} ctx
 * @returns {string[]}
 */
function tagsOf(entry, ctx) {
  const value = entry?.value;
  if (value?.kind === 'FETCH') return [...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
  const header = value?.headers?.[TAGS_HEADER];
  return typeof header === 'string' && header !== '' ? header.split(',') : [];
}

/** A page that answered 404 (an unknown slug): kept in memory only. @param {any} data */
function isNotFoundPage(data) {
  return data == null || ((data.kind === 'APP_PAGE' || data.kind === 'APP_ROUTE') && data.status === 404);
}

/**
 * One Redis connection per process, shared by every request's handler.
 */
class SharedStore {
  /** @param {{ url: string; prefix: string }} config @param {string} buildId */
  constructor(config, buildId) {
    this.config = config;
    this.entryPrefix = `${config.prefix}:page:${buildId}:`;
    this.tagsKey = `${config.prefix}:tags`;
    /** @type {import('redis').RedisClientType | undefined} */
    this.connection = undefined;
    /** The same connection, answering strings as Buffers (cache entries). @type {any} */
    this.binary = undefined;
    /** @type {Promise<unknown> | undefined} */
    this.firstConnect = undefined;
    this.lastWarning = 0;
  }

  /**
   * The connection, once it is up. It is opened on first use and kept: while Redis is away the
   * client reconnects in the background and every command fails at once (no offline queue), so a
   * request never waits on Redis. Only the very first use waits, up to a second, for the socket.
   * @returns {Promise<import('redis').RedisClientType>}
   */
  async client() {
    if (!this.connection) {
      const { createClient } = require('redis');
      /** @type {import('redis').RedisClientType} */
      const client = /** @type {any} */ (
        createClient({
          url: this.config.url,
          disableOfflineQueue: true,
          socket: { connectTimeout: 2000, reconnectStrategy: (/** @type {number} */ retries) => Math.min(100 * 2 ** retries, 5000) },
        })
      );
      client.on('error', (/** @type {unknown} */ error) => this.warn(error));
      this.connection = client;
      const { RESP_TYPES } = require('redis');
      this.binary = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
      const connected = client.connect().then(
        () => undefined,
        (/** @type {unknown} */ error) => this.warn(error),
      );
      this.firstConnect = Promise.race([connected, new Promise((resolve) => setTimeout(resolve, FIRST_CONNECT_WAIT_MS).unref())]);
    }
    await this.firstConnect;
    if (!this.connection.isReady) throw new Error(`not connected to ${redactedUrl(this.config.url)}`);
    return this.connection;
  }

  /** Closes the connection for good. */
  async close() {
    const client = this.connection;
    this.connection = undefined;
    this.binary = undefined;
    if (!client) return;
    if (client.isOpen) await client.close().catch(() => client.destroy());
    else client.destroy();
  }

  /** @param {unknown} error */
  warn(error) {
    const now = Date.now();
    if (now - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = now;
    console.warn(`Shared cache (Redis) unavailable, rendering without it: ${error instanceof Error ? error.message : String(error)}`);
  }

  /** The entry under `key`, or null when there is none or it cannot be read. @param {string} key @returns {Promise<any>} */
  async read(key) {
    await this.client();
    /** @type {Buffer | null} */
    const bytes = await this.binary.get(this.entryPrefix + key);
    if (bytes == null) return null;
    try {
      return decodeEntry(bytes);
    } catch {
      // Not written by this code (or cut short): a miss; the render that follows replaces it.
      return null;
    }
  }

  /** @param {string} key @param {any} entry */
  async write(key, entry) {
    await (await this.client()).set(this.entryPrefix + key, encodeEntry(entry), {
      expiration: { type: 'EX', value: ENTRY_TTL_SECONDS },
    });
  }

  /**
   * Whether any of `tags` was expired after `lastModified` (and by now), on any instance.
   * @param {string[]} tags @param {number} lastModified
   */
  async expired(tags, lastModified) {
    if (tags.length === 0) return false;
    const stamps = await (await this.client()).hmGet(this.tagsKey, tags);
    const now = Date.now();
    return stamps.some((stamp) => {
      const expiredAt = stamp == null ? Number.NaN : Number(stamp);
      return expiredAt <= now && expiredAt > lastModified;
    });
  }

  /** @param {string[]} tags @param {number} expiredAt */
  async expire(tags, expiredAt) {
    if (tags.length === 0) return;
    await (await this.client()).hSet(this.tagsKey, Object.fromEntries(tags.map((tag) => [tag, String(expiredAt)])));
  }
}

/**
 * The store for each build folder and setting, or null for none. Next makes a handler per request,
 * so the settings are parsed and BUILD_ID read once, not on every request.
 * @type {Map<string, SharedStore | null>}
 */
const stores = new Map();

/** @param {string} serverDistDir @returns {SharedStore | null} */
function sharedStoreFor(serverDistDir) {
  const { NEXT_PHASE, REDIS_URL, REDIS_KEY_PREFIX } = process.env;
  const lookup = [serverDistDir, NEXT_PHASE, REDIS_URL, REDIS_KEY_PREFIX].join('\n');
  const known = stores.get(lookup);
  if (known !== undefined) return known;
  const config = NEXT_PHASE === 'phase-production-build' ? null : sharedCacheConfig(process.env);
  let store = null;
  if (config) {
    let buildId = 'development';
    try {
      buildId = readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim();
    } catch {
      // `next dev` has no build id; its pages are not cached anyway.
    }
    store = new SharedStore(config, buildId);
  }
  stores.set(lookup, store);
  return store;
}

/** Closes every shared-cache connection this process opened (tests, graceful shutdown). */
async function closeSharedCaches() {
  const open = [...stores.values()];
  stores.clear();
  await Promise.all(open.map((store) => store?.close()));
}

/** @typedef {ConstructorParameters<typeof FileSystemCache>[0]} HandlerContext */

class SiteCacheHandler extends FileSystemCache {
  /** @param {HandlerContext} ctx */
  constructor(ctx) {
    super(ctx);
    this.ctx = ctx;
    this.shared = ctx.serverDistDir ? sharedStoreFor(ctx.serverDistDir) : null;
  }

  /** The same cache without the disk, where not-found pages go: made only when one is set. */
  memoryOnly() {
    return new FileSystemCache({ ...this.ctx, flushToDisk: false });
  }

  /** The in-memory entries Next keeps (`cacheMaxMemorySize`), shared by every handler in the process. */
  static get memory() {
    return /** @type {any} */ (FileSystemCache).memoryCache;
  }

  /** @type {FileSystemCache['get']} */
  async get(key, ctx) {
    const shared = this.shared;
    if (!shared) return super.get(key, ctx);
    try {
      const local = SiteCacheHandler.memory?.get(key);
      if (local && !(await shared.expired(tagsOf(local, ctx), local.lastModified))) return local;
      const remote = await shared.read(key);
      if (remote && !(await shared.expired(tagsOf(remote, ctx), remote.lastModified))) {
        SiteCacheHandler.memory?.set(key, remote);
        return remote;
      }
      if (local || remote) return null;
      // A page prerendered by this build, on the local disk.
      const built = await super.get(key, ctx);
      return built && !(await shared.expired(tagsOf(built, ctx), built.lastModified)) ? built : null;
    } catch (error) {
      shared.warn(error);
      return null;
    }
  }

  /** @type {FileSystemCache['set']} */
  async set(key, data, ctx) {
    if (isNotFoundPage(data)) return this.memoryOnly().set(key, data, ctx);
    const shared = this.shared;
    if (!shared) return super.set(key, data, ctx);
    const entry = {
      value: data?.kind === 'FETCH' ? { ...data, tags: ctx.fetchCache ? ctx.tags : [] } : data,
      lastModified: Date.now(),
      cacheControl: ctx.fetchCache ? undefined : ctx.cacheControl,
    };
    SiteCacheHandler.memory?.set(key, entry);
    try {
      await shared.write(key, entry);
    } catch (error) {
      // Not shared, so not kept either: another instance could expire its tags unseen.
      SiteCacheHandler.memory?.remove?.(key);
      shared.warn(error);
    }
  }

  /** @type {FileSystemCache['revalidateTag']} */
  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    const shared = this.shared;
    // A stale-only revalidation (a profile without `expire`) stays local: stale pages are served
    // while they re-render, and each instance re-renders its own. The site expires at once.
    if (!shared || (durations && durations.expire === undefined)) return;
    const list = typeof tags === 'string' ? [tags] : tags;
    const expiredAt = Date.now() + (durations?.expire ?? 0) * 1000;
    try {
      await shared.expire(list, expiredAt);
    } catch (error) {
      shared.warn(error);
    }
  }
}

module.exports = SiteCacheHandler;
module.exports.default = SiteCacheHandler;
module.exports.sharedCacheConfig = sharedCacheConfig;
module.exports.closeSharedCaches = closeSharedCaches;
module.exports.encodeEntry = encodeEntry;
module.exports.decodeEntry = decodeEntry;
