/**
 * The version of one public article, by id: what the article page's update check asks for.
 *
 * It reads four columns of one row, under the same public rule as every other public read
 * (lib/data/visibility.ts), so a draft, a scheduled article or one published in the future answers
 * exactly like an unknown id: null.
 */
import type { Locale } from '@/lib/i18n/locales';
import type { Database } from '@/lib/db/connection';
import { toIso, toLocale } from './reshape';
import { isPublic } from './visibility';

export interface PublicArticleVersion {
  id: string;
  locale: Locale;
  /** The current slug. */
  slug: string;
  /** ISO 8601 in UTC: the last editorial update. */
  updatedAt: string;
}

/** The public article with this id and its last update, or null when there is none (now). */
export async function getPublicArticleVersion(database: Database, id: string, now: Date = new Date()): Promise<PublicArticleVersion | null> {
  const row = await database.db
    .selectFrom('articles')
    .select(['articles.id', 'articles.locale', 'articles.slug', 'articles.updated_at'])
    .where('articles.id', '=', id)
    .where(isPublic('articles', now))
    .executeTakeFirst();
  if (row === undefined) return null;
  return { id: row.id, locale: toLocale(row.locale, `article ${row.id}`), slug: row.slug, updatedAt: toIso(row.updated_at) };
}
