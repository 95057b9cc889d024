/** Types for lib/cache/handler.js, which Next loads at run time as plain JavaScript. */
import FileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache';

export { sharedCacheConfig, type SharedCacheConfig } from './shared-config';

declare class SiteCacheHandler extends FileSystemCache {
  memoryOnly(): FileSystemCache;
}

export default SiteCacheHandler;
export function encodeEntry(entry: unknown): Buffer;
export function decodeEntry(bytes: Buffer): unknown;
export function closeSharedCaches(): Promise<void>;
