/**
 * Storage rows → the content model's output types, in one place.
 *
 * Rows are a boundary like any other: JSON columns are parsed with the content model's own
 * schemas and enumerations are checked, so a row written by other means (a manual fix, a future
 * migration gone wrong) fails here with the article's id instead of rendering garbage.
 * Timestamps become ISO 8601 strings in UTC.
 */
import { z } from 'zod';
import {
  ARTICLE_STATUSES,
  BlockSchema,
  ImageSchema,
  type Article,
  type ArticleStatus,
  type ArticleSummary,
  type Author,
  type AuthorRef,
  type Block,
  type Image,
  type Section,
  type Tag,
} from '@/lib/content/model';
import { isLocale, type Locale } from '@/lib/i18n/locales';

export class StoredDataError extends Error {
  override readonly name = 'StoredDataError';
}

const BodySchema = z.array(BlockSchema);

export function toIso(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

export function toLocale(value: string, where: string): Locale {
  if (!isLocale(value)) throw new StoredDataError(`${where}: unknown locale "${value}"`);
  return value;
}

function toStatus(value: string, where: string): ArticleStatus {
  const status = ARTICLE_STATUSES.find((known) => known === value);
  if (status === undefined) throw new StoredDataError(`${where}: unknown status "${value}"`);
  return status;
}

function parseJson<T>(schema: z.ZodType<T>, text: string, where: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StoredDataError(`${where}: stored JSON does not parse`);
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new StoredDataError(`${where}: stored value does not match the content model: ${result.error.message}`);
  return result.data;
}

export function parseLeadImage(json: string | null, articleId: string): Image | null {
  return json === null ? null : parseJson(ImageSchema, json, `article ${articleId} lead image`);
}

export function parseBody(json: string, articleId: string): Block[] {
  return parseJson(BodySchema, json, `article ${articleId} body`);
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

/** The columns a listing card needs: articles.* plus the section's name. */
export interface SummaryRow {
  id: string;
  locale: string;
  slug: string;
  title: string;
  intro: string;
  section_slug: string;
  section_name: string;
  published_at: number | null;
  updated_at: number;
  lead_image: string | null;
  has_video: number;
}

/** A summary of a public article; public articles always have a published time. */
export function toSummary(row: SummaryRow): ArticleSummary {
  if (row.published_at === null) throw new StoredDataError(`article ${row.id}: public article without published_at`);
  return {
    id: row.id,
    locale: toLocale(row.locale, `article ${row.id}`),
    slug: row.slug,
    title: row.title,
    intro: optionalText(row.intro),
    section: { slug: row.section_slug, name: row.section_name },
    publishedAt: toIso(row.published_at),
    updatedAt: toIso(row.updated_at),
    leadImage: parseLeadImage(row.lead_image, row.id),
    hasVideo: row.has_video === 1,
  };
}

export interface ArticleRow extends SummaryRow {
  status: string;
  body: string;
}

export interface ArticleRelations {
  authors: AuthorRef[];
  tags: Tag[];
  /** Every slug the article has had, the current one included. */
  slugs: string[];
}

export function toArticle(row: ArticleRow, relations: ArticleRelations): Article {
  return {
    id: row.id,
    locale: toLocale(row.locale, `article ${row.id}`),
    slug: row.slug,
    // Alphabetical: deterministic, so an export → import → export round trip is byte-identical.
    previousSlugs: relations.slugs.filter((slug) => slug !== row.slug).sort(),
    status: toStatus(row.status, `article ${row.id}`),
    title: row.title,
    intro: optionalText(row.intro),
    section: { slug: row.section_slug, name: row.section_name },
    authors: relations.authors,
    tags: relations.tags,
    publishedAt: row.published_at === null ? null : toIso(row.published_at),
    updatedAt: toIso(row.updated_at),
    leadImage: parseLeadImage(row.lead_image, row.id),
    body: parseBody(row.body, row.id),
  };
}
