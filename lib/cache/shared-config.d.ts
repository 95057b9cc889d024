/** Types for lib/cache/shared-config.js. */
export interface SharedCacheConfig {
  url: string;
  prefix: string;
}

export function sharedCacheConfig(env: Readonly<Record<string, string | undefined>>): SharedCacheConfig | null;
