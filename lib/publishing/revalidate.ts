/**
 * Revalidation after an editor's write, on every instance of the site.
 *
 * Call {@link revalidateEverywhere} from a Server Action or a route handler (Next's revalidateTag
 * needs the request's context) right after a write has committed, with the tags the write reported
 * (`SaveOutcome.tags`). This instance expires them at once, so the editor's next request, and
 * every reader's, renders fresh content; an entry on the bus (lib/cache/bus.ts) makes every
 * instance, this one included, revalidate them again within one scheduler tick
 * (lib/publishing/scheduler.ts): the others to follow, this one to clear a page that a render
 * already running during the write stored after the first revalidation. With EDGE_URLS set, the
 * edge nodes are then asked to fetch the changed pages at once (lib/cache/edge-refresh.ts), after
 * the editor's response has gone.
 */
import { revalidateTag } from 'next/cache';
import { after } from 'next/server';
import { announce } from '@/lib/cache/bus';
import { refreshEdges } from '@/lib/cache/edge-refresh';
import { isCacheTag } from '@/lib/cache/tags';
import { getDatabase } from '@/lib/db/connection';

/**
 * Expires `tags` here and announces them to the other instances. Unknown tags are a programming
 * error and throw before anything happens. A failure to write the bus entry does not undo the local
 * revalidation or the editor's committed write: it is logged, and the other instances still
 * refresh when PAGE_REVALIDATE_SECONDS runs out.
 */
export async function revalidateEverywhere(tags: readonly string[]): Promise<void> {
  const unique = [...new Set(tags)];
  const unknown = unique.filter((tag) => !isCacheTag(tag));
  if (unknown.length > 0) throw new RangeError(`not cache tags of this site: ${unknown.map((tag) => JSON.stringify(tag)).join(', ')}`);
  if (unique.length === 0) return;
  // `expire: 0`: the next request renders fresh content instead of serving the stale page once.
  for (const tag of unique) revalidateTag(tag, { expire: 0 });
  try {
    await announce(await getDatabase(), unique);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Cache bus: could not announce ${unique.join(', ')} to the other instances: ${message}`);
  }
  // After the bus entry: the edge may ask another instance for the page, which catches up with the
  // log before it renders.
  if (process.env.EDGE_URLS?.trim()) after(() => refreshEdges(unique));
}
