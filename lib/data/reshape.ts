/**
 * The small conversions every storage row shares on its way into the content model: timestamps
 * become ISO 8601 strings in UTC, stored `''` becomes null, and enumerations are checked, so a row
 * written by other means fails with its id instead of rendering garbage. Sections and authors are
 * reshaped here too; articles are reshaped next to their queries, in ./articles.ts.
 */
import { ARTICLE_STATUSES, type ArticleStatus, type Author, type Section } from '@/lib/content/model';
import { isLocale, type Locale } from '@/lib/i18n/locales';

export class StoredDataError extends Error {
  override readonly name = 'StoredDataError';
}

export function toIso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

export function toLocale(value: string, where: string): Locale {
  if (!isLocale(value)) throw new StoredDataError(`${where}: unknown locale "${value}"`);
  return value;
}

export function toStatus(value: string, where: string): ArticleStatus {
  const status = ARTICLE_STATUSES.find((known) => known === value);
  if (status === undefined) throw new StoredDataError(`${where}: unknown status "${value}"`);
  return status;
}

export interface SectionRow {
  locale: string;
  slug: string;
  name: string;
  sort_order: number | null;
}

export function toSection(row: SectionRow): Section {
  return { slug: row.slug, locale: toLocale(row.locale, `section ${row.slug}`), name: row.name, order: row.sort_order };
}

export interface AuthorRow {
  slug: string;
  name: string;
  bio: string;
  image: string | null;
}

/** Optional prose is stored as `''` when absent (lib/db/schema.ts); the model says null. */
export const optionalText = (stored: string): string | null => (stored === '' ? null : stored);

export function toAuthor(row: AuthorRow): Author {
  return { slug: row.slug, name: row.name, bio: optionalText(row.bio), image: row.image };
}
