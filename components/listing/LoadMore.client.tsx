'use client';
// Client: fetches the next pages of a listing on the reader's request and appends them in place.

import { useCallback, useEffect, useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ArticleSummary } from '@/lib/content/model';
import type { ListingFilter } from '@/lib/data/listing';
import type { ListingResponse } from '@/lib/site/api-params';
import { pluralMessage } from '@/lib/i18n/template';
import type { LoadMoreLabels } from './loadMoreLabels';
import styles from './LoadMore.module.css';

/**
 * The cards (ArticleCard, with date-fns for their times) load with the first press, in parallel
 * with the first page, instead of with every listing page. A failed load is a retry like a failed
 * page, not an error page.
 */
type CardsModule = typeof import('./LoadMoreCards.client');
const loadCards = (): Promise<CardsModule> => import('./LoadMoreCards.client');

/** The endpoint URL of the page after `cursor` (see parseListingParams for the rules it follows). */
export function listingApiUrl(filter: ListingFilter, cursor: string): string {
  const params = new URLSearchParams({ locale: filter.locale });
  if (filter.section !== undefined) params.set('section', filter.section);
  else if (filter.tag !== undefined) params.set('tag', filter.tag);
  else if (filter.author !== undefined) params.set('author', filter.author);
  else if (filter.video) params.set('video', '1');
  params.set('cursor', cursor);
  return `/api/listings?${params.toString()}`;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isString = (value: unknown): value is string => typeof value === 'string';

/** The fields the card renders, checked rather than trusted: a proxy's error page is not a listing. */
function isSummary(value: unknown): value is ArticleSummary {
  if (!isObject(value) || !isObject(value.section)) return false;
  const image = value.leadImage;
  return (
    [value.id, value.slug, value.title, value.section.name].every(isString) &&
    // An article without an intro has null here, and its card shows none.
    (value.intro === null || isString(value.intro)) &&
    isString(value.publishedAt) &&
    !Number.isNaN(Date.parse(value.publishedAt)) &&
    (image === null || (isObject(image) && isString(image.src) && isString(image.alt)))
  );
}

function readListingResponse(json: unknown): ListingResponse {
  if (isObject(json) && Array.isArray(json.items) && json.items.every(isSummary)) {
    const { nextCursor } = json;
    if (nextCursor === null || isString(nextCursor)) return { items: json.items, nextCursor };
  }
  throw new TypeError('unexpected listing response');
}

async function fetchListingPage(filter: ListingFilter, cursor: string, signal: AbortSignal): Promise<ListingResponse> {
  const response = await fetch(listingApiUrl(filter, cursor), { signal, headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`listing page failed with HTTP ${response.status}`);
  return readListingResponse(await response.json());
}

interface LoadMoreProps {
  /** The listing: its locale and one of section, tag, author or video. */
  filter: ListingFilter;
  /** The nextCursor of the page the server rendered above. */
  initialCursor: string;
  /** The site zone, for the cards' times. */
  timeZone: string;
  /** Translated by the server parent (see loadMoreLabels). */
  labels: LoadMoreLabels;
}

/**
 * "Load more" under a server-rendered listing page. Each press fetches the next page by cursor and
 * appends its cards (the same ArticleCard as the server's, see LoadMoreCards), then moves focus to
 * the first new card's link so keyboard and screen reader users continue where the new cards
 * start. The button disappears after the last page; a failed page offers a retry.
 *
 * The button exists only after hydration: without JavaScript it could do nothing, and the plain
 * page links below the listing (`?pagina=2`) serve those readers and crawlers.
 */
export function LoadMore({ filter, initialCursor, timeZone, labels }: LoadMoreProps) {
  const [hydrated, setHydrated] = useState(false);
  const [cards, setCards] = useState<CardsModule | null>(null);
  const [cardsFailed, setCardsFailed] = useState(false);
  /** Index of the first card of the page being loaded, to focus once it is there. */
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  const clearFocusFrom = useCallback(() => setFocusFrom(null), []);

  // eslint-disable-next-line react-hooks/set-state-in-effect -- the one extra render is the point: the server HTML and the hydrating render both leave the button out
  useEffect(() => setHydrated(true), []);

  const { data, dataUpdatedAt, fetchNextPage, hasNextPage, isFetching, isError } = useInfiniteQuery({
    queryKey: ['listing', filter, initialCursor],
    queryFn: ({ pageParam, signal }) => fetchListingPage(filter, pageParam, signal),
    initialPageParam: initialCursor,
    getNextPageParam: (last) => last.nextCursor,
    // Nothing is fetched until the reader asks, and loaded pages are never refetched behind their back.
    enabled: false,
  });

  const items = data?.pages.flatMap((page) => page.items) ?? [];
  const lastPage = data?.pages.at(-1);
  // Before the first press there is no data yet, and the server said there is a next page.
  const hasMore = data === undefined ? true : hasNextPage;
  const loadingCards = items.length > 0 && cards === null && !cardsFailed;
  const failed = isError || cardsFailed;

  const ensureCards = () => {
    if (cards !== null) return;
    setCardsFailed(false);
    loadCards().then(setCards, () => setCardsFailed(true));
  };

  const onPress = () => {
    if (isFetching) return;
    ensureCards();
    // After a failed page, ask for it again; when only the cards' code failed, the page is here.
    if (isError || !cardsFailed) {
      setFocusFrom(items.length);
      void fetchNextPage();
    }
  };

  let status = '';
  if (isFetching || loadingCards) status = labels.loading;
  else if (failed) status = labels.error;
  else if (lastPage) status = pluralMessage(labels.loaded, filter.locale, lastPage.items.length);

  const Cards = cards?.LoadMoreCards;
  return (
    <div className={styles.loadMore}>
      {Cards && items.length > 0 ? (
        <Cards
          items={items}
          locale={filter.locale}
          timeZone={timeZone}
          timeLabels={labels.time}
          now={new Date(dataUpdatedAt)}
          focusFrom={focusFrom}
          onFocused={clearFocusFrom}
        />
      ) : null}
      <p className={styles.status} role="status">
        {status}
      </p>
      {hydrated && (hasMore || cardsFailed) ? (
        <button type="button" className={styles.button} onClick={onPress} aria-disabled={isFetching || undefined}>
          {failed && !isFetching ? labels.retry : labels.button}
        </button>
      ) : null}
    </div>
  );
}
