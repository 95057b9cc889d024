/**
 * Loading articles by id: the second step of every listing, search and related query (which
 * first find ids in index order), and the whole-article reads. Each loader takes `now`: given a
 * Date it applies the public rule again on the articles table itself; `null` means any status
 * (the editor, previews and the export, never a public page).
 */
import type { Kysely } from 'kysely';
import type { Article, ArticleSummary } from '@/lib/content/model';
import type { DB } from '@/lib/db/schema';
import { toArticle, toSummary, type ArticleRelations, type ArticleRow } from './reshape';
import { isPublic } from './visibility';

function summaryQuery(db: Kysely<DB>) {
  return db
    .selectFrom('articles')
    .innerJoin('sections', (join) =>
      join.onRef('sections.locale', '=', 'articles.locale').onRef('sections.slug', '=', 'articles.section_slug'),
    )
    .select([
      'articles.id',
      'articles.locale',
      'articles.slug',
      'articles.title',
      'articles.intro',
      'articles.section_slug',
      'sections.name as section_name',
      'articles.published_at',
      'articles.updated_at',
      'articles.lead_image',
      'articles.has_video',
    ]);
}

/**
 * Summaries of the public articles among `ids`, in the order of `ids`. Ids that are not (or no
 * longer) public are left out.
 */
export async function loadPublicSummaries(db: Kysely<DB>, ids: readonly string[], now: Date): Promise<ArticleSummary[]> {
  if (ids.length === 0) return [];
  const rows = await summaryQuery(db)
    .where('articles.id', 'in', [...ids])
    .where(isPublic('articles', now))
    .execute();
  const byId = new Map(rows.map((row) => [row.id, toSummary(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function articleQuery(db: Kysely<DB>) {
  return summaryQuery(db).select(['articles.status', 'articles.body']);
}

type RelationFilter = { ids: readonly string[] } | 'all';

async function loadRelations(db: Kysely<DB>, filter: RelationFilter): Promise<Map<string, ArticleRelations>> {
  let authors = db
    .selectFrom('article_authors')
    .innerJoin('authors', 'authors.slug', 'article_authors.author_slug')
    .select(['article_authors.article_id', 'authors.slug', 'authors.name'])
    .orderBy('article_authors.article_id')
    .orderBy('article_authors.position');
  let tags = db
    .selectFrom('article_tags')
    .innerJoin('tags', 'tags.slug', 'article_tags.tag_slug')
    .select(['article_tags.article_id', 'tags.slug', 'tags.name'])
    .orderBy('article_tags.article_id')
    .orderBy('article_tags.position');
  let slugs = db.selectFrom('article_slugs').select(['article_id', 'slug']).orderBy('article_id').orderBy('slug');
  if (filter !== 'all') {
    const ids = [...filter.ids];
    authors = authors.where('article_authors.article_id', 'in', ids);
    tags = tags.where('article_tags.article_id', 'in', ids);
    slugs = slugs.where('article_slugs.article_id', 'in', ids);
  }
  const [authorRows, tagRows, slugRows] = await Promise.all([authors.execute(), tags.execute(), slugs.execute()]);

  const relations = new Map<string, ArticleRelations>();
  const of = (id: string): ArticleRelations => {
    let found = relations.get(id);
    if (found === undefined) {
      found = { authors: [], tags: [], slugs: [] };
      relations.set(id, found);
    }
    return found;
  };
  for (const row of authorRows) of(row.article_id).authors.push({ slug: row.slug, name: row.name });
  for (const row of tagRows) of(row.article_id).tags.push({ slug: row.slug, name: row.name });
  for (const row of slugRows) of(row.article_id).slugs.push(row.slug);
  return relations;
}

const NO_RELATIONS: ArticleRelations = { authors: [], tags: [], slugs: [] };

function assemble(rows: ArticleRow[], relations: Map<string, ArticleRelations>): Article[] {
  return rows.map((row) => toArticle(row, relations.get(row.id) ?? NO_RELATIONS));
}

/** One whole article by id; with `now`, only when it is public at that instant. */
export async function loadArticle(db: Kysely<DB>, id: string, now: Date | null): Promise<Article | null> {
  let query = articleQuery(db).where('articles.id', '=', id);
  if (now !== null) query = query.where(isPublic('articles', now));
  const row = await query.executeTakeFirst();
  if (row === undefined) return null;
  return assemble([row], await loadRelations(db, { ids: [id] }))[0] ?? null;
}

/**
 * Every article of every status, in a stable order: locale, then published time (undated drafts
 * last), then id. Reads everything in four queries; meant for the export, not for pages.
 */
export async function loadAllArticles(db: Kysely<DB>): Promise<Article[]> {
  const [rows, relations] = await Promise.all([
    articleQuery(db)
      .orderBy('articles.locale')
      .orderBy((eb) => eb('articles.published_at', 'is', null))
      .orderBy('articles.published_at')
      .orderBy('articles.id')
      .execute(),
    loadRelations(db, 'all'),
  ]);
  return assemble(rows, relations);
}
