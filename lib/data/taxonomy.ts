/**
 * Sections, authors and tags.
 *
 * Sections and authors are made by editors and may be shown even before they have articles. A tag
 * exists only as a by-product of articles, so {@link getTag} returns it only while some public
 * article carries it: a tag made by a draft would otherwise leak the story's subject.
 */
import type { Author, Section, Tag } from '@/lib/content/model';
import { sortSections } from '@/lib/content/sections';
import type { Locale } from '@/lib/i18n/locales';
import type { Database } from '@/lib/db/connection';
import { toAuthor, toSection } from './reshape';
import { isPublic } from './visibility';

/** The sections of one locale in navigation order (lib/content/sections.ts: unordered ones last). */
export async function listSections(database: Database, locale: Locale): Promise<Section[]> {
  const rows = await database.db.selectFrom('sections').selectAll().where('locale', '=', locale).execute();
  return sortSections(rows.map(toSection));
}

export async function getSection(database: Database, locale: Locale, slug: string): Promise<Section | null> {
  const row = await database.db
    .selectFrom('sections')
    .selectAll()
    .where('locale', '=', locale)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row === undefined ? null : toSection(row);
}

/** Every section of every locale: locale, then navigation order. For the export and the desk. */
export async function listAllSections(database: Database): Promise<Section[]> {
  const rows = await database.db.selectFrom('sections').selectAll().execute();
  return sortSections(rows.map(toSection));
}

export async function getAuthor(database: Database, slug: string): Promise<Author | null> {
  const row = await database.db.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row === undefined ? null : toAuthor(row);
}

/** Authors by name (slug breaks ties), e.g. for an authors page. */
export async function listAuthors(database: Database): Promise<Author[]> {
  const rows = await database.db.selectFrom('authors').selectAll().orderBy('name').orderBy('slug').execute();
  return rows.map(toAuthor);
}

/** Every author by slug: the export's stable order. */
export async function listAllAuthors(database: Database): Promise<Author[]> {
  const rows = await database.db.selectFrom('authors').selectAll().orderBy('slug').execute();
  return rows.map(toAuthor);
}

/** The tag with this slug, when at least one public article (any locale) carries it. */
export async function getTag(database: Database, slug: string, now: Date = new Date()): Promise<Tag | null> {
  const row = await database.db
    .selectFrom('tags')
    .select(['tags.slug', 'tags.name'])
    .where('tags.slug', '=', slug)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('article_tags')
          .select('article_tags.article_id')
          .whereRef('article_tags.tag_slug', '=', 'tags.slug')
          .where(isPublic('article_tags', now)),
      ),
    )
    .executeTakeFirst();
  return row ?? null;
}
