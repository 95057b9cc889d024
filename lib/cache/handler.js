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
 *
 * This module decides what is kept and served; the stores keep it: lib/cache/memory-store.js (this
 * process), lib/cache/shared-store.js (Redis) and lib/cache/entry-codec.js (an entry's bytes there).
 */
const { MemoryStore } = require('./memory-store');
const { closeSharedCaches, sharedStoreFor } = require('./shared-store');
const { decodeEntry, encodeEntry } = require('./entry-codec');
const { sharedCacheConfig } = require('./shared-config');

/** Next's response header that lists a cached page's tags. */
const TAGS_HEADER = 'x-next-cache-tags';

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
