/**
 * The initial schema: sections, authors, tags, articles and their slug, byline and tag rows, and
 * search.
 *
 * Index design: every public listing is a keyset scan in (published_at DESC, id DESC) order over
 * rows with status = 'published' AND published_at <= now. Each listing has its own composite
 * index whose leading columns are the listing's equality filters, then status, then the sort key,
 * so the engine seeks to the cursor and reads rows already in order, stopping after `limit`:
 *
 *   home / latest   articles(locale, status, published_at, id)
 *   all locales     articles(status, published_at, id)           (sitemaps, feeds across locales)
 *   section         articles(locale, section_slug, status, published_at, id)
 *   video hub       articles(locale, has_video, status, published_at, id)
 *   tag             article_tags(tag_slug, locale, status, published_at, article_id)
 *   author          article_authors(author_slug, locale, status, published_at, article_id)
 *
 * The tag and author indexes need the article's locale, status and published_at on the link rows;
 * lib/data/write.ts keeps those copies in step in the same transaction as the article.
 */
import { sql, type Kysely, type Migration } from 'kysely';
import { createPostgresSearch, createSqliteSearch } from './search';
import { engineTypes, type Engine } from './engine-types';

export function initialSchema(engine: Engine): Migration {
  const { isPostgres, timestamp, key, table: createTable } = engineTypes(engine);

  return {
    async up(db: Kysely<unknown>) {
      const table = (name: string) => createTable(db, name);

      await table('sections')
        .addColumn('locale', 'text', (col) => col.notNull())
        .addColumn('slug', key, (col) => col.notNull())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('sort_order', 'integer', (col) => col.notNull())
        .addPrimaryKeyConstraint('sections_pk', ['locale', 'slug'])
        .execute();

      await table('authors')
        .addColumn('slug', key, (col) => col.primaryKey())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('bio', 'text', (col) => col.notNull())
        .addColumn('image', 'text')
        .execute();

      await table('tags')
        .addColumn('slug', key, (col) => col.primaryKey())
        .addColumn('name', 'text', (col) => col.notNull())
        .execute();

      let articles = table('articles');
      articles = isPostgres
        ? articles
            .addColumn('id', key, (col) => col.primaryKey())
            .addColumn('seq', 'integer', (col) => col.generatedAlwaysAsIdentity().notNull().unique())
        : articles
            // An INTEGER PRIMARY KEY is SQLite's rowid under a name, stable across VACUUM.
            .addColumn('seq', 'integer', (col) => col.primaryKey())
            .addColumn('id', key, (col) => col.notNull().unique());
      await articles
        .addColumn('locale', 'text', (col) => col.notNull())
        .addColumn('slug', key, (col) => col.notNull())
        .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('draft', 'scheduled', 'published')`))
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('intro', 'text', (col) => col.notNull())
        .addColumn('section_slug', key, (col) => col.notNull())
        .addColumn('published_at', timestamp)
        .addColumn('updated_at', timestamp, (col) => col.notNull())
        .addColumn('created_at', timestamp, (col) => col.notNull())
        .addColumn('lead_image', 'text')
        .addColumn('body', 'text', (col) => col.notNull())
        .addColumn('body_text', 'text', (col) => col.notNull())
        .addColumn('has_video', 'integer', (col) => col.notNull().check(sql`has_video in (0, 1)`))
        .addUniqueConstraint('articles_locale_slug_key', ['locale', 'slug'])
        .addCheckConstraint('articles_public_has_time', sql`status = 'draft' or published_at is not null`)
        .addForeignKeyConstraint('articles_section_fk', ['locale', 'section_slug'], 'sections', ['locale', 'slug'], (fk) =>
          fk.onUpdate('cascade'),
        )
        .execute();

      for (const [name, column, target] of [
        ['article_authors', 'author_slug', 'authors'],
        ['article_tags', 'tag_slug', 'tags'],
      ] as const) {
        await table(name)
          .addColumn('article_id', key, (col) => col.notNull().references('articles.id').onDelete('cascade'))
          .addColumn(column, key, (col) => col.notNull().references(`${target}.slug`).onUpdate('cascade'))
          .addColumn('position', 'integer', (col) => col.notNull())
          .addColumn('locale', 'text', (col) => col.notNull())
          .addColumn('status', 'text', (col) => col.notNull())
          .addColumn('published_at', timestamp)
          .addPrimaryKeyConstraint(`${name}_pk`, ['article_id', column])
          .execute();
      }

      await table('article_slugs')
        .addColumn('locale', 'text', (col) => col.notNull())
        .addColumn('slug', key, (col) => col.notNull())
        .addColumn('article_id', key, (col) => col.notNull().references('articles.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('article_slugs_pk', ['locale', 'slug'])
        .execute();

      const indexes: Array<[name: string, table: string, columns: string[]]> = [
        ['articles_latest_idx', 'articles', ['locale', 'status', 'published_at', 'id']],
        ['articles_all_locales_idx', 'articles', ['status', 'published_at', 'id']],
        ['articles_section_idx', 'articles', ['locale', 'section_slug', 'status', 'published_at', 'id']],
        ['articles_video_idx', 'articles', ['locale', 'has_video', 'status', 'published_at', 'id']],
        ['article_tags_listing_idx', 'article_tags', ['tag_slug', 'locale', 'status', 'published_at', 'article_id']],
        ['article_authors_listing_idx', 'article_authors', ['author_slug', 'locale', 'status', 'published_at', 'article_id']],
        ['article_slugs_article_idx', 'article_slugs', ['article_id']],
      ];
      for (const [name, on, columns] of indexes) {
        await db.schema.createIndex(name).on(on).columns(columns).execute();
      }

      if (isPostgres) await createPostgresSearch(db);
      else await createSqliteSearch(db);
    },
  };
}
