/**
 * The Redis server the shared-cache suites use: TEST_REDIS_URL, required in CI (REQUIRE_REDIS).
 * Every suite writes under a key prefix of its own and deletes it afterwards.
 */
import { createClient } from 'redis';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL?.trim() || undefined;
export const REQUIRE_REDIS = Boolean(process.env.REQUIRE_REDIS);

type Client = ReturnType<typeof newClient>;
const newClient = (url: string) => createClient({ url });

/** Runs `work` with a connection of its own, closed afterwards. */
export async function withRedis<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = newClient(url);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.close();
  }
}

/** The keys matching `pattern` (a Redis glob), sorted. */
export function redisKeys(url: string, pattern: string): Promise<string[]> {
  return withRedis(url, async (client) => (await client.keys(pattern)).sort());
}

/** Deletes every key under `prefix`. */
export function deleteRedisPrefix(url: string, prefix: string): Promise<void> {
  return withRedis(url, async (client) => {
    const keys = await client.keys(`${prefix}:*`);
    if (keys.length > 0) await client.del(keys);
  });
}
