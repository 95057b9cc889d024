/**
 * The bylines of a page of desk rows: one query over article_authors for all of them.
 */
import type { Kysely } from 'kysely';
import type { AuthorRef } from '@/lib/content/model';
import type { DB } from '@/lib/db/schema';

/** Each article's authors in byline order, by article id; an article without any is absent. */
export async function loadDeskBylines(db: Kysely<DB>, ids: string[]): Promise<Map<string, AuthorRef[]>> {
  const byArticle = new Map<string, AuthorRef[]>();
  if (ids.length === 0) return byArticle;
  const rows = await db
    .selectFrom('article_authors')
    .innerJoin('authors', 'authors.slug', 'article_authors.author_slug')
    .select(['article_authors.article_id', 'authors.slug', 'authors.name'])
    .where('article_authors.article_id', 'in', ids)
    .orderBy('article_authors.article_id')
    .orderBy('article_authors.position')
    .execute();
  for (const row of rows) {
    const list = byArticle.get(row.article_id) ?? [];
    list.push({ slug: row.slug, name: row.name });
    byArticle.set(row.article_id, list);
  }
  return byArticle;
}
