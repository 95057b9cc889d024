/**
 * GET /api/listings?locale=nl&section=voetbal&cursor=… → `{ items, nextCursor }`: the next page of a
 * section, tag, author (`author=`) or video (`video=1`) listing, for the load-more button. Public
 * articles only (the data layer's rule). Malformed parameters are a 400, an unknown section, tag or
 * author a 404, each with a JSON message.
 */
import type { NextRequest } from 'next/server';
import { InvalidCursorError } from '@/lib/data/cursor';
import { listPublicArticles } from '@/lib/data/listing';
import type { ListingFilter } from '@/lib/data/listing';
import { getDatabase } from '@/lib/db/connection';
import {
  jsonError,
  LISTING_CACHE_CONTROL,
  parseListingParams,
  type ListingResponse,
} from '@/lib/site/api-params';
import { getAuthorBySlug, getSectionBySlug, getTagBySlug } from '@/lib/site/content';
import { LISTING_PAGE_SIZE } from '@/lib/site/pagination';
import { unavailableWhenDatabaseIsDown } from '@/lib/site/unavailable';

/** Why the listing does not exist, or null when it does. */
async function missingListing(filter: ListingFilter): Promise<string | null> {
  if (filter.section !== undefined) {
    return (await getSectionBySlug(filter.locale, filter.section)) ? null : `unknown section "${filter.section}" in locale ${filter.locale}`;
  }
  if (filter.tag !== undefined) return (await getTagBySlug(filter.tag)) ? null : `unknown tag "${filter.tag}"`;
  if (filter.author !== undefined) return (await getAuthorBySlug(filter.author)) ? null : `unknown author "${filter.author}"`;
  return null;
}

export const GET = unavailableWhenDatabaseIsDown('json', async (request: NextRequest) => {
  const parsed = parseListingParams(request.nextUrl.searchParams);
  if (!parsed.ok) return jsonError(400, parsed.message);
  const { filter, cursor } = parsed.value;

  const missing = await missingListing(filter);
  if (missing !== null) return jsonError(404, missing);

  let page: ListingResponse;
  try {
    // Same page size as the numbered pages, so "load more" and `?pagina=2` show the same cards.
    page = await listPublicArticles(await getDatabase(), { ...filter, cursor, limit: LISTING_PAGE_SIZE });
  } catch (error) {
    if (error instanceof InvalidCursorError) return jsonError(400, 'cursor: expected the nextCursor of a previous page');
    throw error;
  }
  const body: ListingResponse = { items: page.items, nextCursor: page.nextCursor };
  return Response.json(body, { headers: { 'Cache-Control': LISTING_CACHE_CONTROL } });
});
