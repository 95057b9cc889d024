/**
 * What every listing route (section, tag, author, video) does with its page number.
 */
import { notFound } from 'next/navigation';
import { getListingPage, type ListingFilter, type ListingPageData } from '@/lib/site/content';
import { LISTING_PAGE_SIZE } from '@/lib/site/pagination';

/** Page `page` of the listing; page 2+ that does not exist is a 404, never an empty page that crawlers would index. */
export async function requireListingPage(filter: ListingFilter, page: number): Promise<ListingPageData> {
  const listing = await getListingPage(filter, page, LISTING_PAGE_SIZE);
  if (!listing || (page > 1 && listing.items.length === 0)) notFound();
  return listing;
}
