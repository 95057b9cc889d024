// @ts-check
/**
 * The page cache's memory side (see lib/cache/handler.js): this process's entries in a byte-bounded
 * LRU, and the tags this process has expired.
 */

/** Past this many tag expiry records, those no entry needs any more are dropped. */
const MAX_TAG_RECORDS = 10_000;

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

module.exports = { MemoryStore };
