/**
 * A bulk writer for PostgreSQL, where applyContent's ~10 round trips per article make 100,000
 * articles take several minutes. It writes the same rows applyContent would (the articles row,
 * slug, byline and tag rows with their copied columns, new tags), mapped by the same code
 * (lib/data/article-row.ts), with multi-row INSERTs through the same Kysely schema, one
 * transaction per batch. PostgreSQL's search vector is a generated column, so there is nothing
 * else to maintain. SQLite keeps using applyContent, which is fast there.
 *
 * It is checked, not trusted: {@link verifyBulkRows} re-applies a sample of the bulk-written
 * articles through applyContent, which compares every stored field and link and must report each
 * one 'unchanged'.
 */
import type { Kysely } from 'kysely';
import type { ArticleInput } from '@/lib/content/model';
import type { Database } from '@/lib/db/connection';
import type { DB } from '@/lib/db/schema';
import { articleFields, linkColumns, tagSlugs } from '@/lib/data/article-row';
import { applyContent } from '@/lib/data/write';

const CHUNK = 500;
const chunks = <T>(items: T[]): T[][] => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/** Inserts new articles (ids and slugs must be unused) in one transaction. */
export async function bulkInsertArticles(database: Database, articles: ArticleInput[], now: Date): Promise<void> {
  await database.db.transaction().execute(async (trx: Kysely<DB>) => {
    const tagNames = tagSlugs(articles.flatMap((article) => article.tags ?? []));
    const wanted = [...tagNames.keys()];
    const existing = new Set<string>();
    for (const part of chunks(wanted)) for (const row of await trx.selectFrom('tags').select('slug').where('slug', 'in', part).execute()) existing.add(row.slug);
    const missing = wanted.filter((slug) => !existing.has(slug)).map((slug) => ({ slug, name: tagNames.get(slug) ?? slug }));
    for (const part of chunks(missing)) await trx.insertInto('tags').values(part).execute();

    const rows = articles.map((input) => ({ id: input.id ?? '', ...articleFields(input, { now: now.getTime() }), created_at: now.getTime() }));
    if (rows.some((row) => row.id === '')) throw new Error('bulk insert needs article ids');
    for (const part of chunks(rows)) await trx.insertInto('articles').values(part).execute();
    const slugs = rows.map((row) => ({ locale: row.locale, slug: row.slug, article_id: row.id }));
    for (const part of chunks(slugs)) await trx.insertInto('article_slugs').values(part).execute();
    const bylines = rows.flatMap((row, index) => (articles[index]?.authors ?? []).map((author_slug, position) => ({ ...linkColumns(row.id, row), author_slug, position })));
    for (const part of chunks(bylines)) await trx.insertInto('article_authors').values(part).execute();
    const tagRows = rows.flatMap((row, index) =>
      [...tagSlugs(articles[index]?.tags ?? []).keys()].map((tag_slug, position) => ({ ...linkColumns(row.id, row), tag_slug, position })),
    );
    for (const part of chunks(tagRows)) await trx.insertInto('article_tags').values(part).execute();
  });
}

/** Re-applies `sample` through applyContent; throws unless every one is reported 'unchanged'. */
export async function verifyBulkRows(database: Database, sample: ArticleInput[], now: Date): Promise<void> {
  const { articles } = await applyContent(database, { articles: sample }, { now });
  const changed = articles.filter((article) => article.action !== 'unchanged');
  if (changed.length > 0) throw new Error(`bulk-written articles differ from what applyContent writes: ${changed.map((a) => a.id).join(', ')}`);
}
