/**
 * What a write must tell the caches about the articles it touched: each article with every slug it
 * has had in its locale, since each of those URLs shows it (or redirects to it) and is cached
 * under its own tag (lib/cache/tags.ts).
 */
import type { Kysely } from 'kysely';
import type { ArticleChange } from '@/lib/cache/tags';
import type { DB } from '@/lib/db/schema';
import type { Locale } from '@/lib/i18n/locales';

/** Every slug of each article in `touched` (old slugs included), read in the caller's connection or transaction. */
export async function articleChanges(db: Kysely<DB>, touched: ReadonlyArray<{ id: string; locale: Locale }>): Promise<ArticleChange[]> {
  if (touched.length === 0) return [];
  const slugs = new Map<string, string[]>();
  const ids = [...new Set(touched.map((article) => article.id))];
  // In chunks: SQLite allows a bounded number of bound parameters per statement.
  for (let start = 0; start < ids.length; start += 500) {
    const rows = await db
      .selectFrom('article_slugs')
      .select(['article_id', 'slug'])
      .where('article_id', 'in', ids.slice(start, start + 500))
      .execute();
    for (const row of rows) slugs.set(row.article_id, [...(slugs.get(row.article_id) ?? []), row.slug]);
  }
  return touched.map((article) => ({ ...article, slugs: (slugs.get(article.id) ?? []).sort() }));
}
