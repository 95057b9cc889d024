// @ts-check
/**
 * How the shared page cache (lib/cache/shared-store.js) stores an entry in Redis: one Buffer, a
 * JSON header followed by the entry's bytes as they are.
 */

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

module.exports = { encodeEntry, decodeEntry };
