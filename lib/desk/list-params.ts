/**
 * The desk article list's query parameters (`?status=draft&section=voetbal&locale=nl&q=ajax&cursor=…`):
 * read leniently (an unknown value is simply no filter, never an error page) and written back into
 * links that keep the filters.
 */
import type { DeskStatus } from '@/lib/desk/articles/status';
import { isSlug } from '@/lib/content/slug';
import { isLocale, type Locale } from '@/lib/i18n/locales';

export const DESK_STATUSES: readonly DeskStatus[] = ['draft', 'scheduled', 'published'];
export const DESK_QUERY_MAX_LENGTH = 200;
const CURSOR_MAX_LENGTH = 512;

export interface DeskListFilters {
  status?: DeskStatus;
  section?: string;
  locale?: Locale;
  query?: string;
}

export interface DeskListParams {
  filters: DeskListFilters;
  cursor: string | null;
}

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

const isDeskStatus = (value: unknown): value is DeskStatus => typeof value === 'string' && (DESK_STATUSES as readonly string[]).includes(value);

/** Reads the list's search params; anything unrecognised is dropped. */
export function parseDeskListParams(searchParams: SearchParams): DeskListParams {
  const filters: DeskListFilters = {};
  const status = first(searchParams.status);
  if (isDeskStatus(status)) filters.status = status;
  const section = first(searchParams.section);
  if (section !== undefined && isSlug(section)) filters.section = section;
  const locale = first(searchParams.locale);
  if (isLocale(locale)) filters.locale = locale;
  const query = first(searchParams.q)?.trim().slice(0, DESK_QUERY_MAX_LENGTH);
  if (query) filters.query = query;
  const cursor = first(searchParams.cursor);
  return { filters, cursor: cursor && cursor.length <= CURSOR_MAX_LENGTH ? cursor : null };
}

/** `base` with the filters (and a cursor) as its query string, in a stable order. */
export function deskListHref(base: string, filters: DeskListFilters, cursor: string | null = null): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.section) params.set('section', filters.section);
  if (filters.locale) params.set('locale', filters.locale);
  if (filters.query) params.set('q', filters.query);
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

export const hasFilters = (filters: DeskListFilters) =>
  filters.status !== undefined || filters.section !== undefined || filters.locale !== undefined || filters.query !== undefined;
