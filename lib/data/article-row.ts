/**
 * How an ArticleInput becomes its storage rows: the articles row's columns, the tag slugs of its
 * tag names, and the columns its byline and tag rows copy from it. One mapping, so applyContent
 * (lib/data/write.ts) and the benchmark's bulk writer (bench/bulk.ts) store the same rows.
 */
import { canonicalJson } from '@/lib/content/canonical-json';
import { inlineToPlainText } from '@/lib/content/inline';
import { slugify } from '@/lib/content/slug';
import type { ArticleInput, Block } from '@/lib/content/model';
import type { ArticlesTable } from '@/lib/db/schema';
import { stripSentinels } from './search';

/** The plain text of a body that the search index holds: every block's words, one block a line. */
export function searchableBodyText(body: Block[]): string {
  return stripSentinels(body.map(blockText).filter((text) => text !== '').join('\n'));
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return inlineToPlainText(block.text);
    case 'heading':
      return block.text;
    case 'quote':
      return block.source === undefined ? block.text : `${block.text} ${block.source}`;
    case 'image':
      return block.caption ?? '';
    case 'video':
      return block.title;
  }
}

/** The article row as the input asks for it (without id, seq and created_at). */
export type ArticleFields = Pick<
  ArticlesTable,
  | 'locale'
  | 'slug'
  | 'status'
  | 'title'
  | 'intro'
  | 'section_slug'
  | 'published_at'
  | 'updated_at'
  | 'lead_image'
  | 'body'
  | 'body_text'
  | 'has_video'
>;
export const FIELD_NAMES = [
  'locale',
  'slug',
  'status',
  'title',
  'intro',
  'section_slug',
  'published_at',
  'updated_at',
  'lead_image',
  'body',
  'body_text',
  'has_video',
] as const satisfies ReadonlyArray<keyof ArticleFields>;

export interface ArticleFieldsOptions {
  /** The time of the write (epoch ms). */
  now: number;
  /** The stored row's `updated_at` when the article exists already. */
  storedUpdatedAt?: number | undefined;
  /** The error to throw for a date-time that does not parse (`field` is `publishedAt` or `updatedAt`). */
  invalidTime?: (field: 'publishedAt' | 'updatedAt', value: string) => Error;
}

/**
 * The articles row's columns for `input`. `updatedAt` defaults to `publishedAt`; an undated draft
 * keeps the time it was first written (`storedUpdatedAt`, else `now`).
 */
export function articleFields(input: ArticleInput, options: ArticleFieldsOptions): ArticleFields {
  const time = (value: string | undefined, field: 'publishedAt' | 'updatedAt'): number | null => {
    if (value === undefined) return null;
    const parsed = Date.parse(value);
    if (Number.isNaN(parsed)) throw options.invalidTime?.(field, value) ?? new Error(`${field}: "${value}" is not a date-time`);
    return parsed;
  };
  const publishedAt = time(input.publishedAt, 'publishedAt');
  const updatedAt = time(input.updatedAt, 'updatedAt') ?? publishedAt ?? options.storedUpdatedAt ?? options.now;
  return {
    locale: input.locale,
    slug: input.slug,
    status: input.status,
    title: input.title,
    // No intro is stored as '' (lib/db/schema.ts), so the search indexes always read text.
    intro: input.intro ?? '',
    section_slug: input.section,
    published_at: publishedAt,
    updated_at: updatedAt,
    lead_image: input.leadImage === undefined ? null : canonicalJson(input.leadImage),
    body: canonicalJson(input.body),
    body_text: searchableBodyText(input.body),
    has_video: input.body.some((block) => block.type === 'video') ? 1 : 0,
  };
}

/** Tag slug → the name that first gave it, in order without repeats; names that slugify to '' are dropped. */
export function tagSlugs(names: readonly string[]): Map<string, string> {
  const bySlug = new Map<string, string>();
  for (const name of names) {
    const slug = slugify(name);
    if (slug !== '' && !bySlug.has(slug)) bySlug.set(slug, name);
  }
  return bySlug;
}

/**
 * The columns every byline and tag row copies from its article: the listing indexes need its
 * locale, status and published_at (lib/db/migrations/0001_initial_schema.ts).
 */
export function linkColumns(id: string, fields: Pick<ArticleFields, 'locale' | 'status' | 'published_at'>) {
  return { article_id: id, locale: fields.locale, status: fields.status, published_at: fields.published_at };
}
