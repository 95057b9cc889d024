/**
 * Wraps a read in React `cache` (once per render, however many components ask) and in Next's
 * data cache under `tags`, which also attaches those tags to the statically cached page or route
 * that made the read, so revalidating a tag refreshes both.
 */
import { cache } from 'react';
import { unstable_cache } from 'next/cache';
import { noteDatabaseFailure } from '@/lib/db/availability';
import { PAGE_REVALIDATE_SECONDS } from './tags';

/**
 * `revalidate` (seconds, default PAGE_REVALIDATE_SECONDS) bounds how long the read is kept without
 * a tag revalidation; a page that makes the read is regenerated at least that often.
 */
export function cachedRead<Args extends unknown[], Result>(
  keyParts: string[],
  tags: (args: NoInfer<Args>) => string[],
  read: (...args: Args) => Promise<Result>,
  options: { revalidate?: number } = {},
): (...args: Args) => Promise<Result> {
  // A read that cannot reach the database tells the proxy, which then answers pages with the 503
  // page until the database is back (lib/db/health.ts).
  const watched = async (...args: Args): Promise<Result> => {
    try {
      return await read(...args);
    } catch (error) {
      noteDatabaseFailure(error);
      throw error;
    }
  };
  return cache((...args: Args) =>
    unstable_cache(() => watched(...args), [...keyParts, JSON.stringify(args)], {
      tags: tags(args),
      revalidate: options.revalidate ?? PAGE_REVALIDATE_SECONDS,
    })(),
  );
}
