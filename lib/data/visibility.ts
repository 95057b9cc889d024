/**
 * The one rule for what the public may see: status = 'published' AND published_at <= now.
 *
 * Every public query in lib/data applies {@link isPublic}, to the articles table or to a link table
 * that carries copies of the article's status and published_at (so the listing indexes can apply
 * it). Drafts, scheduled articles and articles published with a future time never leave the data
 * layer through a public function. `now` is a parameter so callers and tests control the clock.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ListingKey } from './cursor';

/** Tables that carry (status, published_at) for an article. */
export type VisibilityTable = 'articles' | 'article_tags' | 'article_authors';

/** The instant as stored (epoch milliseconds); rejects an Invalid Date instead of matching nothing. */
export function instant(now: Date): number {
  const time = now.getTime();
  if (Number.isNaN(time)) throw new RangeError('`now` is an invalid Date');
  return time;
}

const ID_COLUMN: Record<VisibilityTable, string> = {
  articles: 'articles.id',
  article_tags: 'article_tags.article_id',
  article_authors: 'article_authors.article_id',
};

/**
 * `<table>.status = 'published' AND <table>.published_at <= now`.
 *
 * With `before` (a listing cursor: rows strictly after it in (published_at DESC, id DESC) order)
 * the time condition and the cursor become ONE range on the index: when the cursor's time is not
 * after `now`, `(published_at, id) < (cursor)` already implies `published_at <= now`, so only the
 * row comparison is emitted. Given both ranges, SQLite's planner (with ANALYZE statistics) may
 * seek on neither and sort instead; the query-plan test holds this in place.
 */
export function isPublic(table: VisibilityTable, now: Date, before?: ListingKey | null): RawBuilder<SqlBool> {
  const at = instant(now);
  const status = sql.ref(`${table}.status`);
  const publishedAt = sql.ref(`${table}.published_at`);
  if (before != null && before.publishedAt <= at) {
    return sql<SqlBool>`(${status} = 'published' and (${publishedAt}, ${sql.ref(ID_COLUMN[table])}) < (${before.publishedAt}, ${before.id}))`;
  }
  // No cursor, or one from beyond `now` (every public row is after it): the time condition alone.
  return sql<SqlBool>`(${status} = 'published' and ${publishedAt} <= ${at})`;
}

/** The same rule for a value already in memory. */
export function isPublicNow(status: string, publishedAt: number | null, now: Date): boolean {
  return status === 'published' && publishedAt !== null && publishedAt <= instant(now);
}
