// @ts-check
/**
 * The site's page and data cache (Next's `cacheHandler`, see next.config.js), written against
 * Next's public cache-handler interface only (get, set, revalidateTag, resetRequestCache), so an
 * upgrade of Next cannot break it. Plain JavaScript: `next start` loads it at run time, outside
 * the compiled app.
 *
 * - **In memory, per process, by default.** Entries live in a bounded LRU (`cacheMaxMemorySize`,
 *   counted in real bytes). Nothing is kept on disk, so a restarted instance starts empty: it can
 *   never serve a page made before writes it did not see (an import while the site was down, a
 *   restored backup, another database), nor a page prerendered by a build against another
 *   database. Readers are served by the edge cache in front (deploy/) while the instance fills.
 *   `next build` caches nothing either: a build never reuses an earlier build's data.
 *
 * - **Shared through Redis when `REDIS_URL` is set.** Several instances then share one cache: a
 *   page one instance rendered is served by all, and a tag one instance revalidates is expired for
 *   all at once. An entry is served only when none of its tags was expired since it was made, and
 *   when it was made after the Redis tag table came into being (its `*` field): Redis restarted
 *   empty expires everything made before, so tag timestamps lost with it cannot leave a stale page
 *   looking fresh. Keys carry the build id, so a deploy never serves pages that link to the
 *   previous build's scripts; entries expire after a week unless rendered again. When Redis cannot
 *   be reached, pages are rendered afresh and not cached until it is back: slower, never stale.
 *
 * - **Not-found pages** stay in this process's memory only, so a crawler trying made-up URLs
 *   cannot fill Redis.
 */
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { sharedCacheConfig } = require('./shared-config');

/** The field of the Redis tag table that says since when it holds every expiry (epoch ms). */
const FLOOR_FIELD = '*';
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

/** A page or route that answered 5xx. @param {any} data */
function isServerError(data) {
  return (data.kind === 'APP_PAGE' || data.kind === 'APP_ROUTE') && typeof data.status === 'number' && data.status >= 500;
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
    const client = await this.client();
    // A tag table started now still vouches for this entry, made just before (see expired()).
    await client.hSetNX(this.tagsKey, FLOOR_FIELD, String(entry.lastModified));
    await client.set(this.entryPrefix + key, encodeEntry(entry), {
      expiration: { type: 'EX', value: ENTRY_TTL_SECONDS },
    });
  }


  /**
   * Whether any of `tags` was expired after `lastModified` (and by now), on any instance, or the
   * entry predates the tag table itself. The table's `*` field says when it was started; when it
   * is missing (a new or emptied Redis), it is set to now, so every entry made before is expired:
   * the timestamps that would have expired it may have been lost.
   * @param {string[]} tags @param {number} lastModified
   */
  async expired(tags, lastModified) {
    const client = await this.client();
    const [since, ...stamps] = await client.hmGet(this.tagsKey, [FLOOR_FIELD, ...tags]);
    if (since == null) {
      await client.hSetNX(this.tagsKey, FLOOR_FIELD, String(Date.now()));
      return true;
    }
    if (Number(since) > lastModified) return true;
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

/** @param {string | undefined} serverDistDir @returns {SharedStore | null} */
function sharedStoreFor(serverDistDir) {
  const { NEXT_PHASE, REDIS_URL, REDIS_KEY_PREFIX } = process.env;
  const lookup = [serverDistDir, NEXT_PHASE, REDIS_URL, REDIS_KEY_PREFIX].join('\n');
  const known = stores.get(lookup);
  if (known !== undefined) return known;
  const config = NEXT_PHASE === 'phase-production-build' || !serverDistDir ? null : sharedCacheConfig(process.env);
  let store = null;
  if (config) {
    let buildId = 'development';
    try {
      buildId = readFileSync(path.join(/** @type {string} */ (serverDistDir), '..', 'BUILD_ID'), 'utf8').trim();
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

/**
 * What an entry costs in memory, roughly: V8 keeps a string with any character beyond Latin-1
 * (the byline's "•", typographic quotes) as UTF-16, so text counts two bytes a character.
 * @param {unknown} value @returns {number}
 */
function sizeOf(value) {
  if (typeof value === 'string') return value.length * 2;
  if (Buffer.isBuffer(value)) return value.length;
  if (value instanceof Map) {
    let total = 0;
    for (const [key, item] of value) total += sizeOf(key) + sizeOf(item);
    return total;
  }
  if (Array.isArray(value)) return value.reduce((total, item) => total + sizeOf(item), 0);
  if (value && typeof value === 'object') {
    let total = 0;
    for (const [key, item] of Object.entries(value)) total += key.length + sizeOf(item);
    return total;
  }
  return 8;
}

/**
 * This process's entries, least recently used first, within a byte budget; and the tags this
 * process has expired, with when. Shared by every handler in the process (Next makes one a request).
 */
class MemoryStore {
  constructor() {
    /** @type {Map<string, { entry: any; size: number; memoryOnly: boolean }>} */
    this.entries = new Map();
    this.bytes = 0;
    this.maxBytes = 32 * 1024 * 1024;
    /** @type {Map<string, number>} */
    this.expiredTags = new Map();
  }

  /** @param {string} key */
  get(key) {
    const held = this.entries.get(key);
    if (!held) return undefined;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, held);
    return held;
  }

  /** @param {string} key @param {any} entry @param {boolean} memoryOnly */
  set(key, entry, memoryOnly) {
    this.delete(key);
    const size = sizeOf(entry.value) + key.length * 2;
    if (size > this.maxBytes) return;
    this.entries.set(key, { entry, size, memoryOnly });
    this.bytes += size;
    for (const [oldest, held] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= held.size;
    }
  }

  /** @param {string} key */
  delete(key) {
    const held = this.entries.get(key);
    if (!held) return;
    this.entries.delete(key);
    this.bytes -= held.size;
  }

  /**
   * Records that `tags` expire at `expiredAt`. A tag's record only matters to entries made before
   * it, so past {@link MAX_TAG_RECORDS} the records older than every entry held are dropped: an
   * import of many articles revalidates a tag per slug, and the map must not grow without end.
   * @param {string[]} tags @param {number} expiredAt
   */
  expire(tags, expiredAt) {
    for (const tag of tags) this.expiredTags.set(tag, expiredAt);
    if (this.expiredTags.size <= MAX_TAG_RECORDS) return;
    let oldest = Infinity;
    for (const { entry } of this.entries.values()) oldest = Math.min(oldest, entry.lastModified);
    for (const [tag, at] of this.expiredTags) if (at < oldest && at <= Date.now()) this.expiredTags.delete(tag);
  }

  /** Whether this process expired one of `tags` after `lastModified` (and by now). @param {string[]} tags @param {number} lastModified */
  expired(tags, lastModified) {
    const now = Date.now();
    return tags.some((tag) => {
      const expiredAt = this.expiredTags.get(tag);
      return expiredAt !== undefined && expiredAt <= now && expiredAt > lastModified;
    });
  }
}

/** Past this many tag expiry records, those no entry needs any more are dropped. */
const MAX_TAG_RECORDS = 10_000;

/** One store per process (the module is loaded once per `next start`). */
const memory = new MemoryStore();

/**
 * @typedef {{ serverDistDir?: string; maxMemoryCacheSize?: number }} HandlerContext
 * @typedef {{ kind?: string; tags?: string[]; softTags?: string[] }} GetContext
 * @typedef {{ fetchCache?: boolean; tags?: string[]; cacheControl?: unknown }} SetContext
 */

class SiteCacheHandler {
  /** @param {HandlerContext} ctx */
  constructor(ctx) {
    this.memory = memory;
    if (typeof ctx.maxMemoryCacheSize === 'number' && ctx.maxMemoryCacheSize > 0) this.memory.maxBytes = ctx.maxMemoryCacheSize;
    this.shared = sharedStoreFor(ctx.serverDistDir);
  }

  /**
   * The entry under `key` that none of its tags has expired since it was made, or null.
   * @param {string} key @param {GetContext} [ctx]
   */
  async get(key, ctx) {
    const held = this.memory.get(key);
    const local = held?.entry;
    if (local && this.memory.expired(tagsOf(local, ctx), local.lastModified)) {
      this.memory.delete(key);
      return null;
    }
    const shared = this.shared;
    if (!shared || held?.memoryOnly) return local ?? null;
    try {
      if (local && !(await shared.expired(tagsOf(local, ctx), local.lastModified))) return local;
      const remote = await shared.read(key);
      if (remote && !(await shared.expired(tagsOf(remote, ctx), remote.lastModified))) {
        this.memory.set(key, remote, false);
        return remote;
      }
      if (local) this.memory.delete(key);
      return null;
    } catch (error) {
      shared.warn(error);
      return null;
    }
  }

  /** @param {string} key @param {any} data @param {SetContext} ctx */
  async set(key, data, ctx) {
    if (data == null) {
      this.memory.delete(key);
      return;
    }
    // A 503 from a route whose database was unreachable (lib/site/unavailable.ts) is an answer
    // for now, not a page to keep: the next request tries again, and an older copy stays.
    if (isServerError(data)) return;
    const entry = {
      value: data.kind === 'FETCH' ? { ...data, tags: ctx.fetchCache ? ctx.tags : [] } : data,
      lastModified: Date.now(),
      cacheControl: ctx.fetchCache ? undefined : ctx.cacheControl,
    };
    const notFound = isNotFoundPage(data);
    this.memory.set(key, entry, notFound);
    const shared = this.shared;
    if (!shared || notFound) return;
    try {
      await shared.write(key, entry);
    } catch (error) {
      // Not shared, so not kept either: another instance could expire its tags unseen.
      this.memory.delete(key);
      shared.warn(error);
    }
  }

  /**
   * Expires `tags` here and, with Redis, on every instance.
   * @param {string | string[]} tags @param {{ expire?: number }} [durations]
   */
  async revalidateTag(tags, durations) {
    // A stale-only profile (no `expire`) is left to the page's own lifetime: this site's writes
    // all expire at once (lib/publishing/revalidate.ts).
    if (durations && durations.expire === undefined) return;
    const list = typeof tags === 'string' ? [tags] : tags;
    const expiredAt = Date.now() + (durations?.expire ?? 0) * 1000;
    this.memory.expire(list, expiredAt);
    const shared = this.shared;
    if (!shared) return;
    try {
      await shared.expire(list, expiredAt);
    } catch (error) {
      shared.warn(error);
    }
  }

  resetRequestCache() {}
}

module.exports = SiteCacheHandler;
module.exports.default = SiteCacheHandler;
module.exports.sharedCacheConfig = sharedCacheConfig;
module.exports.closeSharedCaches = closeSharedCaches;
module.exports.encodeEntry = encodeEntry;
module.exports.decodeEntry = decodeEntry;
