/** Types for lib/cache/handler.js, which Next loads at run time as plain JavaScript. */
export { sharedCacheConfig, type SharedCacheConfig } from './shared-config';

declare class SiteCacheHandler {
  constructor(ctx: { serverDistDir?: string; maxMemoryCacheSize?: number });
  get(key: string, ctx?: { kind?: string; tags?: string[]; softTags?: string[] }): Promise<{ lastModified: number; value: unknown } | null>;
  set(key: string, data: unknown, ctx: { fetchCache?: boolean; tags?: string[]; cacheControl?: unknown }): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}

export default SiteCacheHandler;
export function encodeEntry(entry: unknown): Buffer;
export function decodeEntry(bytes: Buffer): unknown;
export function closeSharedCaches(): Promise<void>;
