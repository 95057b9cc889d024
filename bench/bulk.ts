/**
 * A bulk writer for PostgreSQL, where applyContent's ~10 round trips per article make 100,000
 * articles take several minutes. It writes the same rows applyContent would (the articles row,
 * slug, byline and tag rows with their copied columns, new tags) with multi-row INSERTs through
 * the same Kysely schema, one transaction per batch. PostgreSQL's search vector is a generated
 * column, so there is nothing else to maintain. SQLite keeps using applyContent, which is fast
 * there.
 *
 * It is checked, not trusted: {@link verifyBulkRows} re-applies a sample of the bulk-written
 * articles through applyContent, which compares every stored field and link and must report each
 * one 'unchanged'.
 */
import type { Kysely } from 'kysely';
import { slugify } from '@/lib/content/slug';
import type { ArticleInput } from '@/lib/content/model';
import type { Database } from '@/lib/db/connection';
import type { DB } from '@/lib/db/schema';
import { applyContent, canonicalJson, searchableBodyText } from '@/lib/data/write';

const CHUNK = 500;
const chunks = <T>(items: T[]): T[][] => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/** Inserts new articles (ids and slugs must be unused) in one transaction. */
export async function bulkInsertArticles(database: Database, articles: ArticleInput[], now: Date): Promise<void> {
  await database.db.transaction().execute(async (trx: Kysely<DB>) => {
    const tagNames = new Map<string, string>();
    for (const article of articles) for (const name of article.tags ?? []) if (!tagNames.has(slugify(name))) tagNames.set(slugify(name), name);
    const wanted = [...tagNames.keys()].filter((slug) => slug !== '');
    const existing = new Set<string>();
    for (const part of chunks(wanted)) for (const row of await trx.selectFrom('tags').select('slug').where('slug', 'in', part).execute()) existing.add(row.slug);
    const missing = wanted.filter((slug) => !existing.has(slug)).map((slug) => ({ slug, name: tagNames.get(slug) ?? slug }));
    for (const part of chunks(missing)) await trx.insertInto('tags').values(part).execute();

    const rows = articles.map((input) => {
      const publishedAt = input.publishedAt === undefined ? null : Date.parse(input.publishedAt);
      const updatedAt = input.updatedAt === undefined ? (publishedAt ?? now.getTime()) : Date.parse(input.updatedAt);
      return {
        id: input.id ?? '',
        locale: input.locale,
        slug: input.slug,
        status: input.status,
        title: input.title,
        // As lib/data/write.ts stores it: '' for an article without an intro.
        intro: input.intro ?? '',
        section_slug: input.section,
        published_at: publishedAt,
        updated_at: updatedAt,
        created_at: now.getTime(),
        lead_image: input.leadImage === undefined ? null : canonicalJson(input.leadImage),
        body: canonicalJson(input.body),
        body_text: searchableBodyText(input.body),
        has_video: input.body.some((block) => block.type === 'video') ? 1 : 0,
      };
    });
    if (rows.some((row) => row.id === '')) throw new Error('bulk insert needs article ids');
    for (const part of chunks(rows)) await trx.insertInto('articles').values(part).execute();
    const slugs = rows.map((row) => ({ locale: row.locale, slug: row.slug, article_id: row.id }));
    for (const part of chunks(slugs)) await trx.insertInto('article_slugs').values(part).execute();
    const copies = (row: (typeof rows)[number]) => ({ article_id: row.id, locale: row.locale, status: row.status, published_at: row.published_at });
    const bylines = rows.flatMap((row, index) => (articles[index]?.authors ?? []).map((author_slug, position) => ({ ...copies(row), author_slug, position })));
    for (const part of chunks(bylines)) await trx.insertInto('article_authors').values(part).execute();
    const tagRows = rows.flatMap((row, index) => {
      const seen = new Set<string>();
      const ordered = (articles[index]?.tags ?? []).map(slugify).filter((slug) => slug !== '' && !seen.has(slug) && seen.add(slug));
      return ordered.map((tag_slug, position) => ({ ...copies(row), tag_slug, position }));
    });
    for (const part of chunks(tagRows)) await trx.insertInto('article_tags').values(part).execute();
  });
}

/** Re-applies `sample` through applyContent; throws unless every one is reported 'unchanged'. */
export async function verifyBulkRows(database: Database, sample: ArticleInput[], now: Date): Promise<void> {
  const { articles } = await applyContent(database, { articles: sample }, { now });
  const changed = articles.filter((article) => article.action !== 'unchanged');
  if (changed.length > 0) throw new Error(`bulk-written articles differ from what applyContent writes: ${changed.map((a) => a.id).join(', ')}`);
}
