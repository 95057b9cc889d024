/**
 * "Read next": the public articles to show under an article, from its tags and section.
 */
import type { Article, ArticleSummary } from '@/lib/content/model';
import type { Database } from '@/lib/db/connection';
import type { Locale } from '@/lib/i18n/locales';
import { loadPublicSummaries, pageSize } from './articles';
import { listingSource } from './listing';

/** How many related articles an article page shows. */
export const RELATED_COUNT = 6;

/** What {@link relatedArticles} needs of an article: its identity, section and tags, not its text. */
export interface RelatedQuery {
  id: string;
  locale: Locale;
  section: string;
  tags: readonly string[];
}

/** How many of a tag's newest articles are considered; keeps the work per page constant at any scale. */
export const RELATED_CANDIDATES_PER_TAG = 50;
/** Only an article's first tags count (they are in editorial order); bounds the number of index seeks. */
export const RELATED_MAX_TAGS = 8;

/**
 * Up to `limit` public articles to read next, never the article itself: first those of the same
 * locale sharing its tags (more shared tags first, then newest), then the newest of its section.
 *
 * Candidates are each tag's {@link RELATED_CANDIDATES_PER_TAG} newest public articles, read with the
 * tag listing's own query (a seek on its index, held in place by the query-plan test), and scored
 * in memory. Grouping over every row of a popular tag instead would read thousands of rows
 * per article page at 100,000 articles; this reads at most 8 × 50 index entries whatever the size.
 */
export async function relatedArticles(
  database: Database,
  article: RelatedQuery | Article,
  limit = RELATED_COUNT,
  now: Date = new Date(),
): Promise<ArticleSummary[]> {
  const { db } = database;
  const query = relatedQuery(article);
  const wanted = pageSize(limit);
  const chosen: string[] = [];

  const tagSlugs = [...new Set(query.tags)].slice(0, RELATED_MAX_TAGS);
  if (tagSlugs.length > 0) {
    const perTag = await Promise.all(
      tagSlugs.map((tag) => listingSource(db, { locale: query.locale, tag }, now).page(null, RELATED_CANDIDATES_PER_TAG + 1).execute()),
    );
    const scores = new Map<string, { shared: number; newest: number }>();
    for (const rows of perTag) {
      for (const row of rows) {
        if (row.id === query.id) continue;
        const score = scores.get(row.id) ?? { shared: 0, newest: 0 };
        score.shared += 1;
        score.newest = Math.max(score.newest, row.published_at);
        scores.set(row.id, score);
      }
    }
    const ranked = [...scores].sort(
      ([idA, a], [idB, b]) => b.shared - a.shared || b.newest - a.newest || (idA < idB ? 1 : idA > idB ? -1 : 0),
    );
    chosen.push(...ranked.slice(0, wanted).map(([id]) => id));
  }

  if (chosen.length < wanted) {
    const exclude = new Set([query.id, ...chosen]);
    // Enough of the section's newest to fill up after dropping the ones already chosen.
    const newest = await listingSource(db, { locale: query.locale, section: query.section }, now)
      .page(null, wanted + exclude.size)
      .execute();
    for (const row of newest) {
      if (chosen.length >= wanted) break;
      if (!exclude.has(row.id)) chosen.push(row.id);
    }
  }
  return loadPublicSummaries(db, chosen, now);
}

/** What decides an article's related articles: its id, locale, section and tag slugs, not its text. */
export function relatedQuery(article: RelatedQuery | Article): RelatedQuery {
  if (!('title' in article)) return article;
  return { id: article.id, locale: article.locale, section: article.section.slug, tags: article.tags.map((tag) => tag.slug) };
}
