// @ts-check
/**
 * The shared page cache's settings (REDIS_URL, REDIS_KEY_PREFIX), apart from the cache handler so
 * that `npm start` can check them before it migrates or builds without loading Next's internals.
 */

/**
 * The shared-cache settings from the environment, or null when `REDIS_URL` is not set.
 * Throws a message naming the variable for a URL that is not `redis://` or `rediss://`.
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {{ url: string; prefix: string } | null}
 */
function sharedCacheConfig(env) {
  const raw = env.REDIS_URL?.trim();
  if (!raw) return null;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`REDIS_URL: expected a URL like redis://127.0.0.1:6379, got "${raw}"`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new Error(`REDIS_URL: expected a redis:// or rediss:// URL, got "${raw}"`);
  }
  const prefix = env.REDIS_KEY_PREFIX?.trim() || 'sportnieuws';
  if (!/^[\w.-]+$/.test(prefix)) {
    throw new Error(`REDIS_KEY_PREFIX: expected letters, digits, ".", "_" or "-", got "${prefix}"`);
  }
  return { url: raw, prefix };
}

module.exports = { sharedCacheConfig };
