// @ts-check
/**
 * The page cache's Redis side (see lib/cache/handler.js): one connection per process, entries
 * keyed by build id, and the tag table that says when each tag was last expired on any instance.
 */
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { decodeEntry, encodeEntry } = require('./entry-codec');
const { sharedCacheConfig } = require('./shared-config');

/** The field of the Redis tag table that says since when it holds every expiry (epoch ms). */
const FLOOR_FIELD = '*';
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

module.exports = { sharedStoreFor, closeSharedCaches };
