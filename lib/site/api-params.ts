/**
 * The public JSON endpoints' contract: their query and path parameters, checked at the edge with
 * the content model's own schemas, and the shapes they answer with.
 *
 * Parsing is pure (no database, no Next) so every rule is tested in a table; the route handlers in
 * app/api/ turn a failure into a 400 with its message. Whether a well-formed slug exists is the
 * route's question (a 404), not this module's.
 */
import { ArticleIdSchema, LocaleSchema, SlugSchema, type ArticleSummary } from '@/lib/content/model';
import type { ListingFilter } from '@/lib/data/listing';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Freshness per endpoint. Listing pages change only when something is published, and a CDN may
 * serve them a minute old. The status check must see an update within a poll or two, so it is
 * shared for at most 30 s and never kept by the browser. Error answers are not stored anywhere.
 */
export const LISTING_CACHE_CONTROL = 'public, s-maxage=60, stale-while-revalidate=300';
export const ARTICLE_STATUS_CACHE_CONTROL = 'public, max-age=0, s-maxage=30, stale-while-revalidate=30';
export const ERROR_CACHE_CONTROL = 'no-store';

/** A JSON error answer: `{ "error": message }` with its status, never cached. */
export function jsonError(status: 400 | 404, message: string): Response {
  return Response.json({ error: message }, { status, headers: { 'Cache-Control': ERROR_CACHE_CONTROL } });
}

// ---------------------------------------------------------------------------------------------
// GET /api/listings

/** The filters a listing request may name; exactly one of them per request. */
export const LISTING_FILTER_PARAMS = ['section', 'tag', 'author', 'video'] as const;
const LISTING_PARAMS = new Set<string>(['locale', 'cursor', ...LISTING_FILTER_PARAMS]);

/** Longer than any cursor the data layer makes; a cheap bound before it decodes one. */
const MAX_CURSOR_LENGTH = 200;

export interface ListingRequest {
  /** The locale and exactly one of section, tag, author or video. */
  filter: ListingFilter;
  /** Where the previous page ended; null for the first page. */
  cursor: string | null;
}

/** The answer of GET /api/listings. */
export interface ListingResponse {
  items: ArticleSummary[];
  nextCursor: string | null;
}

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/**
 * Reads `?locale=nl&section=voetbal&cursor=…` (or `tag=`, `author=`, `video=1` instead of
 * `section=`). Rejects, each with a message that names the parameter: unknown parameters, any
 * parameter given twice, a missing or unknown locale, no filter or more than one, a malformed slug,
 * `video` other than `1`, and an empty or over-long cursor. Whether the cursor decodes is left to
 * the data layer (`InvalidCursorError`).
 */
export function parseListingParams(params: URLSearchParams): ParseResult<ListingRequest> {
  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (!LISTING_PARAMS.has(key)) return fail(`unknown parameter "${key}"`);
    if (seen.has(key)) return fail(`parameter "${key}" is given more than once`);
    seen.add(key);
  }

  const rawLocale = params.get('locale');
  if (rawLocale === null) return fail('locale is required');
  const locale = LocaleSchema.safeParse(rawLocale);
  if (!locale.success) return fail(`locale: ${locale.error.issues[0]?.message ?? 'invalid'}`);

  const given = LISTING_FILTER_PARAMS.filter((name) => params.has(name));
  if (given.length === 0) return fail('one of section, tag, author or video=1 is required');
  if (given.length > 1) return fail(`only one of section, tag, author or video may be given, got ${given.join(' and ')}`);
  const [name] = given as [(typeof LISTING_FILTER_PARAMS)[number]];
  const value = params.get(name) ?? '';

  const filter: ListingFilter = { locale: locale.data };
  if (name === 'video') {
    if (value !== '1') return fail('video: expected 1');
    filter.video = true;
  } else {
    const slug = SlugSchema.safeParse(value);
    if (!slug.success) return fail(`${name}: ${slug.error.issues[0]?.message ?? 'invalid'}`);
    filter[name] = slug.data;
  }

  const cursor = params.get('cursor');
  if (cursor !== null && (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH)) {
    return fail('cursor: expected the nextCursor of a previous page');
  }
  return { ok: true, value: { filter, cursor } };
}

// ---------------------------------------------------------------------------------------------
// GET /api/articles/[id]/status

/** The answer of GET /api/articles/[id]/status: enough to tell whether the page on screen is current. */
export interface ArticleStatusResponse {
  id: string;
  /** ISO 8601 in UTC: the last editorial update. */
  updatedAt: string;
  /** The current slug, and the article's URL path with it. */
  slug: string;
  path: string;
}

/** Reads the `[id]` path segment: an article id as the content model defines it. */
export function parseArticleIdParam(raw: string): ParseResult<string> {
  const id = ArticleIdSchema.safeParse(raw);
  return id.success ? { ok: true, value: id.data } : fail(`id: ${id.error.issues[0]?.message ?? 'invalid'}`);
}
