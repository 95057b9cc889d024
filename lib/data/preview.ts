/**
 * Reads for previews (Draft Mode and shared links): an article in any status, as stored now.
 *
 * Never for public pages, and never through lib/cache (cachedRead): what these return must not
 * enter a cache another visitor could be served from. Callers decide who may see it (an editor's
 * session, a valid preview token).
 */
import type { Article } from '@/lib/content/model';
import type { Database } from '@/lib/db/connection';
import type { Locale } from '@/lib/i18n/locales';
import type { PublicArticleResult } from './articles';
import { loadArticle } from './load';

/**
 * The article at `slug` in `locale`, whatever its status: `{ kind: 'moved', slug }` when `slug` is
 * one of its earlier slugs, null when no article has or had that slug.
 */
export async function getArticleForPreview(database: Database, locale: Locale, slug: string): Promise<PublicArticleResult> {
  const hit = await database.db
    .selectFrom('article_slugs')
    .innerJoin('articles', 'articles.id', 'article_slugs.article_id')
    .select(['articles.id', 'articles.slug'])
    .where('article_slugs.locale', '=', locale)
    .where('article_slugs.slug', '=', slug)
    .executeTakeFirst();
  if (hit === undefined) return null;
  if (hit.slug !== slug) return { kind: 'moved', slug: hit.slug };
  const article = await loadArticle(database.db, hit.id, null);
  return article === null ? null : { kind: 'article', article };
}

/** The article with `id`, whatever its status, or null. */
export function getArticleForPreviewById(database: Database, id: string): Promise<Article | null> {
  return loadArticle(database.db, id, null);
}
