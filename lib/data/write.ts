/**
 * Writing content, and reading it back out in the same interchange shape.
 *
 * {@link applyContent} writes a whole ContentFile in ONE transaction: all of it or none of it. It
 * expects content that lib/content/validate.ts has accepted, but it still refuses, with a
 * {@link ContentWriteError} naming the field, anything that would corrupt the database (a slug of
 * two articles, an unknown section), because other writers (the editor desk) may call it too.
 *
 * It is idempotent: every row is compared before it is written, so applying the same content twice
 * writes nothing the second time and reports every article as 'unchanged'. Besides the articles
 * row it maintains, in the same transaction, everything derived from it: the slug history, the
 * byline and tag rows with their copies of locale/status/published_at (the listing indexes need
 * them), SQLite's FTS5 search rows (PostgreSQL's tsvector is a generated column), and the desk's
 * `edited_at` / `edited_by` stamp of the last write (only when something was written). Taking a
 * live article down (to draft, or to a publication time still to come) revokes its share links in
 * the same transaction (lib/data/share-links.ts).
 *
 * {@link applyContentInTransaction} is the same inside a transaction the caller holds: the editor
 * desk (lib/desk/articles/write-path.ts) writes its revision row in the same transaction as the article.
 *
 * The articles row's columns come from lib/data/article-row.ts; exportContent (lib/data/export.ts)
 * is the inverse: export → apply to an empty database → export gives the same bytes.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ArticleInput, AuthorInput, ContentFile, SectionInput } from '@/lib/content/model';
import type { Locale } from '@/lib/i18n/locales';
import type { Database } from '@/lib/db/connection';
import type { Engine } from '@/lib/db/migrations';
import type { DB, SqliteSearchTables } from '@/lib/db/schema';
import { withWriteTransaction } from '@/lib/db/transaction';
import { articleFields, FIELD_NAMES, linkColumns, tagSlugs, type ArticleFields } from './article-row';
import { stripSentinels } from './search';
import { revokeArticleShareLinks } from './share-links';
import { instant } from './visibility';

/** Content that cannot be written as given; `path` points into the ContentFile like a validation problem. */
export class ContentWriteError extends Error {
  override readonly name = 'ContentWriteError';
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

export type ArticleWriteAction = 'created' | 'updated' | 'unchanged';

export interface AppliedArticle {
  id: string;
  locale: Locale;
  slug: string;
  action: ArticleWriteAction;
}

export interface ApplyContentResult {
  /** One entry per input article, in input order. */
  articles: AppliedArticle[];
}

export interface KnownReferences {
  /** `"locale/slug"` of every section. */
  sections: Set<string>;
  /** Every author slug. */
  authors: Set<string>;
  /** `"locale/slug"` of every current and earlier article slug → the id of the article that owns it. */
  articleSlugs: Map<string, string>;
}

const refKey = (locale: string, slug: string) => `${locale}/${slug}`;

type ExistingArticle = ArticleFields & { id: string; seq: number };

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, index) => value === b[index]);

class ContentWriter {
  constructor(
    private readonly trx: Kysely<DB>,
    private readonly engine: Engine,
    private readonly now: number,
    private readonly editedBy: string | null,
  ) {}

  async section(input: SectionInput): Promise<void> {
    const { trx } = this;
    const existing = await trx
      .selectFrom('sections')
      .select(['name', 'sort_order'])
      .where('locale', '=', input.locale)
      .where('slug', '=', input.slug)
      .executeTakeFirst();
    // A section without an order stores NULL, like every section the file leaves unordered.
    const order = input.order ?? null;
    if (existing === undefined) {
      await trx.insertInto('sections').values({ locale: input.locale, slug: input.slug, name: input.name, sort_order: order }).execute();
    } else if (existing.name !== input.name || existing.sort_order !== order) {
      await trx
        .updateTable('sections')
        .set({ name: input.name, sort_order: order })
        .where('locale', '=', input.locale)
        .where('slug', '=', input.slug)
        .execute();
    }
  }

  async author(input: AuthorInput): Promise<void> {
    const { trx } = this;
    // No bio is stored as '' (lib/db/schema.ts).
    const wanted = { name: input.name, bio: input.bio ?? '', image: input.image ?? null };
    const existing = await trx.selectFrom('authors').select(['name', 'bio', 'image']).where('slug', '=', input.slug).executeTakeFirst();
    if (existing === undefined) {
      await trx
        .insertInto('authors')
        .values({ slug: input.slug, ...wanted })
        .execute();
    } else if (existing.name !== wanted.name || existing.bio !== wanted.bio || existing.image !== wanted.image) {
      await trx.updateTable('authors').set(wanted).where('slug', '=', input.slug).execute();
    }
  }

  /** Tag slugs for the names, in order without repeats; creates missing tags (an existing tag keeps its name). */
  private async tags(names: readonly string[]): Promise<string[]> {
    const bySlug = tagSlugs(names);
    const slugs = [...bySlug.keys()];
    if (slugs.length === 0) return [];
    const existing = new Set(
      (await this.trx.selectFrom('tags').select('slug').where('slug', 'in', slugs).execute()).map((row) => row.slug),
    );
    const missing = slugs.filter((slug) => !existing.has(slug)).map((slug) => ({ slug, name: bySlug.get(slug) ?? slug }));
    if (missing.length > 0) await this.trx.insertInto('tags').values(missing).execute();
    return slugs;
  }

  private async findExisting(input: ArticleInput, path: string): Promise<ExistingArticle | undefined> {
    const select = () => this.trx.selectFrom('articles').select(['id', 'seq', ...FIELD_NAMES]);
    if (input.id !== undefined) return select().where('id', '=', input.id).executeTakeFirst();
    const owner = await this.trx
      .selectFrom('article_slugs')
      .select('article_id')
      .where('locale', '=', input.locale)
      .where('slug', '=', input.slug)
      .executeTakeFirst();
    if (owner === undefined) return undefined;
    const existing = await select().where('id', '=', owner.article_id).executeTakeFirstOrThrow();
    if (existing.slug !== input.slug) {
      throw new ContentWriteError(
        `${path}.slug`,
        `"${input.slug}" is an earlier slug of article "${existing.id}" (now "${existing.slug}"); give that article's id to update it`,
      );
    }
    return existing;
  }

  private async checkReferences(input: ArticleInput, path: string): Promise<void> {
    const section = await this.trx
      .selectFrom('sections')
      .select('slug')
      .where('locale', '=', input.locale)
      .where('slug', '=', input.section)
      .executeTakeFirst();
    if (section === undefined) throw new ContentWriteError(`${path}.section`, `unknown section "${input.section}" for ${input.locale}`);
    const found = new Set(
      (await this.trx.selectFrom('authors').select('slug').where('slug', 'in', input.authors).execute()).map((row) => row.slug),
    );
    input.authors.forEach((author, position) => {
      if (!found.has(author)) throw new ContentWriteError(`${path}.authors[${position}]`, `unknown author "${author}"`);
    });
  }

  /** Every slug the article claims must be free or already its own; returns the ones to record. */
  private async claimSlugs(id: string | undefined, input: ArticleInput, path: string): Promise<string[]> {
    const claims = [...new Set([input.slug, ...(input.previousSlugs ?? [])])];
    const owners = await this.trx
      .selectFrom('article_slugs')
      .select(['slug', 'article_id'])
      .where('locale', '=', input.locale)
      .where('slug', 'in', claims)
      .execute();
    const ownerOf = new Map(owners.map((row) => [row.slug, row.article_id]));
    claims.forEach((slug, index) => {
      const owner = ownerOf.get(slug);
      if (owner !== undefined && owner !== id) {
        const field = index === 0 ? `${path}.slug` : `${path}.previousSlugs[${(input.previousSlugs ?? []).indexOf(slug)}]`;
        throw new ContentWriteError(field, `"${slug}" (${input.locale}) already belongs to article "${owner}"`);
      }
    });
    return claims.filter((slug) => !ownerOf.has(slug));
  }

  /** Public at the time of this write: published, at a publication time that has come. */
  private isLive(row: { status: string; published_at: number | null }): boolean {
    return row.status === 'published' && row.published_at !== null && row.published_at <= this.now;
  }

  private fields(input: ArticleInput, existing: ExistingArticle | undefined, path: string): ArticleFields {
    return articleFields(input, {
      now: this.now,
      storedUpdatedAt: existing?.updated_at,
      invalidTime: (field, value) => new ContentWriteError(`${path}.${field}`, `"${value}" is not a date-time`),
    });
  }

  private async writeSearchRow(seq: number, fields: ArticleFields, replace: boolean): Promise<void> {
    if (this.engine !== 'sqlite') return; // PostgreSQL: articles.search is a generated column.
    const fts = this.trx.withTables<SqliteSearchTables>();
    if (replace) await fts.deleteFrom('article_search').where('rowid', '=', seq).execute();
    await fts
      .insertInto('article_search')
      .values({ rowid: seq, title: stripSentinels(fields.title), intro: stripSentinels(fields.intro), body_text: fields.body_text })
      .execute();
  }

  private async insertLinks(id: string, fields: ArticleFields, authors: string[], tags: string[]): Promise<void> {
    const copies = linkColumns(id, fields);
    if (authors.length > 0) {
      await this.trx
        .insertInto('article_authors')
        .values(authors.map((author_slug, position) => ({ ...copies, author_slug, position })))
        .execute();
    }
    if (tags.length > 0) {
      await this.trx
        .insertInto('article_tags')
        .values(tags.map((tag_slug, position) => ({ ...copies, tag_slug, position })))
        .execute();
    }
  }

  async article(input: ArticleInput, index: number): Promise<AppliedArticle> {
    const { trx } = this;
    const path = `articles[${index}]`;
    const existing = await this.findExisting(input, path);
    if (existing !== undefined && existing.locale !== input.locale) {
      throw new ContentWriteError(`${path}.locale`, `article "${existing.id}" is ${existing.locale}; an article cannot change locale`);
    }
    await this.checkReferences(input, path);
    const newSlugs = await this.claimSlugs(existing?.id, input, path);
    const fields = this.fields(input, existing, path);
    const authors = input.authors;
    const tags = await this.tags(input.tags ?? []);

    if (existing === undefined) {
      const id = input.id ?? randomUUID();
      const { seq } = await trx
        .insertInto('articles')
        .values({ id, ...fields, created_at: this.now, edited_at: this.now, edited_by: this.editedBy })
        .returning('seq')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('article_slugs')
        .values(newSlugs.map((slug) => ({ locale: input.locale, slug, article_id: id })))
        .execute();
      await this.insertLinks(id, fields, authors, tags);
      await this.writeSearchRow(seq, fields, false);
      return { id, locale: input.locale, slug: input.slug, action: 'created' };
    }

    const { id, seq } = existing;
    let written = false;
    const changed = FIELD_NAMES.filter((name) => existing[name] !== fields[name]);
    if (changed.length > 0) {
      await trx.updateTable('articles').set(fields).where('id', '=', id).execute();
      written = true;
    }
    if (this.isLive(existing) && !this.isLive(fields)) {
      // Taken down (by the desk, an import or a reschedule): its share links stop working with it.
      await revokeArticleShareLinks(trx, { articleId: id, byName: this.editedBy, reason: 'taken-down', now: new Date(this.now) });
    }
    if (newSlugs.length > 0) {
      // The old current slug stays in article_slugs: it is history now, and redirects.
      await trx
        .insertInto('article_slugs')
        .values(newSlugs.map((slug) => ({ locale: input.locale, slug, article_id: id })))
        .execute();
      written = true;
    }

    const [currentAuthors, currentTags] = await Promise.all([
      trx.selectFrom('article_authors').select('author_slug').where('article_id', '=', id).orderBy('position').execute(),
      trx.selectFrom('article_tags').select('tag_slug').where('article_id', '=', id).orderBy('position').execute(),
    ]);
    const linksChanged =
      !sameList(
        currentAuthors.map((row) => row.author_slug),
        authors,
      ) ||
      !sameList(
        currentTags.map((row) => row.tag_slug),
        tags,
      );
    if (linksChanged) {
      await trx.deleteFrom('article_authors').where('article_id', '=', id).execute();
      await trx.deleteFrom('article_tags').where('article_id', '=', id).execute();
      await this.insertLinks(id, fields, authors, tags);
      written = true;
    } else if (changed.includes('status') || changed.includes('published_at')) {
      const copies = { status: fields.status, published_at: fields.published_at };
      await trx.updateTable('article_authors').set(copies).where('article_id', '=', id).execute();
      await trx.updateTable('article_tags').set(copies).where('article_id', '=', id).execute();
    }

    if (changed.includes('title') || changed.includes('intro') || changed.includes('body_text')) {
      await this.writeSearchRow(seq, fields, true);
    }
    // The desk's "last change": any write at all, substantive or not, by whoever made it.
    if (written) await trx.updateTable('articles').set({ edited_at: this.now, edited_by: this.editedBy }).where('id', '=', id).execute();
    return { id, locale: input.locale, slug: input.slug, action: written ? 'updated' : 'unchanged' };
  }
}

export interface WriteOptions {
  now?: Date;
  /** Who is writing, recorded as the articles' `edited_by`; null (the default) for imports. */
  editedBy?: string | null;
}

/**
 * {@link applyContent} inside a write transaction the caller already holds, so that the editor
 * desk can write its revision row in the same transaction as the article.
 */
export async function applyContentInTransaction(
  trx: Kysely<DB>,
  engine: Engine,
  content: ContentFile,
  options: WriteOptions = {},
): Promise<ApplyContentResult> {
  const writer = new ContentWriter(trx, engine, instant(options.now ?? new Date()), options.editedBy ?? null);
  for (const section of content.sections ?? []) await writer.section(section);
  for (const author of content.authors ?? []) await writer.author(author);
  const articles: AppliedArticle[] = [];
  for (const [index, article] of (content.articles ?? []).entries()) articles.push(await writer.article(article, index));
  return { articles };
}

/**
 * Writes sections (upserted by locale + slug), authors (by slug) and articles (matched by id, else
 * by locale + current slug; new ones get a random UUID) in one transaction. Tags are created from
 * their names with `slugify`. A changed slug keeps the old one as history, and `previousSlugs` are
 * recorded too; a slug can belong to one article per locale only. Throws {@link ContentWriteError}
 * (and writes nothing) when the content cannot be written.
 */
export async function applyContent(database: Database, content: ContentFile, options: WriteOptions = {}): Promise<ApplyContentResult> {
  // Checked before the transaction opens, so an invalid clock never takes the write lock.
  instant(options.now ?? new Date());
  return withWriteTransaction(database, (trx) => applyContentInTransaction(trx, database.engine, content, options));
}

/** What the database already holds that a content file may refer to or clash with (for validation). */
export async function getKnownReferences(database: Database): Promise<KnownReferences> {
  const { db } = database;
  const [sections, authors, slugs] = await Promise.all([
    db.selectFrom('sections').select(['locale', 'slug']).execute(),
    db.selectFrom('authors').select('slug').execute(),
    db.selectFrom('article_slugs').select(['locale', 'slug', 'article_id']).execute(),
  ]);
  return {
    sections: new Set(sections.map((row) => refKey(row.locale, row.slug))),
    authors: new Set(authors.map((row) => row.slug)),
    articleSlugs: new Map(slugs.map((row) => [refKey(row.locale, row.slug), row.article_id])),
  };
}
