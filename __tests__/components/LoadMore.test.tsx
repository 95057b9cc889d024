/** @jest-environment jsdom */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { LoadMore } from '@/components/listing/LoadMore.client';
import type { ArticleSummary } from '@/lib/content/model';
import type { ListingFilter } from '@/lib/data/listing';
import type { ListingResponse } from '@/lib/site/api-params';
import { testLoadMoreLabels } from '../setup/labels';
import { TEST_TIME_ZONE } from '../setup/render';

const ARCHIVE: ListingFilter = { locale: 'en', section: 'archive' };

const DAY = 24 * 60 * 60 * 1000;

/** Archive story n, as the listings endpoint returns it: published n - 1 days after 1 January 2020, 03:15 UTC. */
function story(n: number): ArticleSummary {
  const padded = String(n).padStart(2, '0');
  const publishedAt = new Date(Date.UTC(2020, 0, 1, 3, 15) + (n - 1) * DAY).toISOString();
  return {
    id: `e2e-archive-${padded}`,
    locale: 'en',
    slug: `archive-story-${padded}`,
    title: `Archive story number ${n}`,
    intro: `An older story kept for the archive, number ${n}.`,
    section: { slug: 'archive', name: 'Archive' },
    publishedAt,
    updatedAt: publishedAt,
    leadImage: null,
    hasVideo: false,
  };
}
const stories = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => story(from + index));

/** The archive after the first 20 (rendered by the server): two more pages, of 20 and 5. */
const PAGES: Record<string, ListingResponse> = {
  'cursor-20': { items: stories(21, 40), nextCursor: 'cursor-40' },
  'cursor-40': { items: stories(41, 45), nextCursor: null },
};

type FetchResult = { ok: boolean; status: number; json: () => Promise<unknown> };
const fetchMock = jest.fn<Promise<FetchResult>, [string, RequestInit?]>();
const ok = (body: unknown): FetchResult => ({ ok: true, status: 200, json: async () => body });
const failed = (status: number): FetchResult => ({ ok: false, status, json: async () => ({ error: 'server error' }) });

/** The endpoint as the test plays it: pages by cursor. */
function servePages() {
  fetchMock.mockImplementation(async (url) => {
    const cursor = new URL(url, 'http://localhost').searchParams.get('cursor') ?? '';
    const page = PAGES[cursor];
    return page ? ok(page) : failed(400);
  });
}

function renderLoadMore(filter: ListingFilter = ARCHIVE) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  // No intl provider: the leaf gets every string as props, as in the app.
  return render(
    <QueryClientProvider client={client}>
      <LoadMore filter={filter} initialCursor="cursor-20" timeZone={TEST_TIME_ZONE} labels={testLoadMoreLabels(filter.locale)} />
    </QueryClientProvider>,
  );
}

const cards = () => screen.queryAllByRole('article');
const loadMoreButton = () => screen.queryByRole('button', { name: 'Load more' });

beforeEach(() => {
  fetchMock.mockReset();
  // fetch is outside the component: the test plays the endpoint.
  globalThis.fetch = fetchMock as unknown as typeof fetch;
});

describe('LoadMore', () => {
  it('renders no button on the server, where it could not work without JavaScript', () => {
    const client = new QueryClient();
    const html = renderToString(
      <QueryClientProvider client={client}>
        <LoadMore filter={ARCHIVE} initialCursor="cursor-20" timeZone={TEST_TIME_ZONE} labels={testLoadMoreLabels('en')} />
      </QueryClientProvider>,
    );
    expect(html).not.toContain('<button');
    expect(html).not.toContain('Load more');
  });

  it('fetches nothing until the reader asks', () => {
    servePages();
    renderLoadMore();
    expect(loadMoreButton()).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('appends 20 cards, then 5, then disappears; focus moves to the first new card each time', async () => {
    const user = userEvent.setup();
    servePages();
    renderLoadMore();

    await user.click(loadMoreButton() as HTMLElement);
    await waitFor(() => expect(cards()).toHaveLength(20));
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/listings?locale=en&section=archive&cursor=cursor-20');
    expect(screen.getByRole('link', { name: 'Archive story number 21' })).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('20 articles loaded');

    await user.click(loadMoreButton() as HTMLElement);
    await waitFor(() => expect(cards()).toHaveLength(25));
    expect(fetchMock.mock.calls[1]?.[0]).toBe('/api/listings?locale=en&section=archive&cursor=cursor-40');
    expect(screen.getByRole('link', { name: 'Archive story number 41' })).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('5 articles loaded');
    expect(loadMoreButton()).not.toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('renders appended cards as the server does: headline link, section, intro and time', async () => {
    const user = userEvent.setup();
    servePages();
    renderLoadMore();
    await user.click(loadMoreButton() as HTMLElement);
    const card = (await screen.findAllByRole('article'))[0] as HTMLElement;
    expect(within(card).getByRole('heading', { level: 2, name: 'Archive story number 21' })).toBeInTheDocument();
    expect(within(card).getByRole('link')).toHaveAttribute('href', '/en/news/archive-story-21');
    expect(card).toHaveTextContent('Archive');
    expect(card).toHaveTextContent('An older story kept for the archive, number 21.');
    expect(card.querySelector('time')).toHaveAttribute('datetime', '2020-01-21T03:15:00.000Z');
    // In the site zone (03:15 UTC is 04:15 in Amsterdam), with the year: it is not this year.
    expect(card.querySelector('time')).toHaveTextContent(/^21 January 2020, 04:15$/);
  });

  it('appends a card for an article without an intro, with no empty intro paragraph', async () => {
    const user = userEvent.setup();
    fetchMock.mockImplementation(async () => ok({ items: [{ ...story(21), intro: null }, story(22)], nextCursor: null }));
    renderLoadMore();
    await user.click(loadMoreButton() as HTMLElement);
    await waitFor(() => expect(cards()).toHaveLength(2));
    const [bare, full] = cards() as HTMLElement[];
    // The section and the time, without the intro paragraph the other card has, and nothing empty.
    expect(within(bare as HTMLElement).getByRole('link', { name: 'Archive story number 21' })).toBeInTheDocument();
    expect(bare?.querySelectorAll('p')).toHaveLength((full?.querySelectorAll('p').length ?? 0) - 1);
    expect([...(bare?.querySelectorAll('p') ?? [])].every((element) => element.textContent !== '')).toBe(true);
    expect(screen.getByRole('status')).toHaveTextContent('2 articles loaded');
  });

  it('says it is loading while the page is on its way, and ignores further presses', async () => {
    const user = userEvent.setup();
    let resolve: (result: FetchResult) => void = () => undefined;
    fetchMock.mockImplementation(() => new Promise((done) => (resolve = done)));
    renderLoadMore();
    await user.click(loadMoreButton() as HTMLElement);
    expect(screen.getByRole('status')).toHaveTextContent('Loading…');
    expect(loadMoreButton()).toHaveAttribute('aria-disabled', 'true');
    await user.click(loadMoreButton() as HTMLElement);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await act(async () => resolve(ok(PAGES['cursor-20'])));
    await waitFor(() => expect(cards()).toHaveLength(20));
  });

  it.each([
    ['the server fails', async () => failed(500)],
    ['the network fails', async (): Promise<FetchResult> => Promise.reject(new TypeError('Failed to fetch'))],
    ['the answer is not a listing', async () => ok({ items: [{ id: 1 }], nextCursor: null })],
  ])('offers a retry when %s, and the retry appends the page', async (_name, failure) => {
    const user = userEvent.setup();
    fetchMock.mockImplementationOnce(failure);
    renderLoadMore();
    await user.click(loadMoreButton() as HTMLElement);

    const retry = await screen.findByRole('button', { name: 'Try again' });
    expect(screen.getByRole('status')).toHaveTextContent('The next articles could not be loaded.');
    expect(cards()).toHaveLength(0);

    servePages();
    await user.click(retry);
    await waitFor(() => expect(cards()).toHaveLength(20));
    expect(screen.getByRole('link', { name: 'Archive story number 21' })).toHaveFocus();
    expect(loadMoreButton()).toBeInTheDocument();
  });

  it('keeps the cards it has when a later page fails', async () => {
    const user = userEvent.setup();
    servePages();
    renderLoadMore();
    await user.click(loadMoreButton() as HTMLElement);
    await waitFor(() => expect(cards()).toHaveLength(20));

    fetchMock.mockImplementationOnce(async () => failed(503));
    await user.click(loadMoreButton() as HTMLElement);
    await user.click(await screen.findByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(cards()).toHaveLength(25));
    expect(fetchMock.mock.calls.map(([url]) => new URL(url, 'http://localhost').searchParams.get('cursor'))).toEqual([
      'cursor-20',
      'cursor-40',
      'cursor-40',
    ]);
  });

  it("offers a retry when the cards' own code fails to load, without asking for another page", async () => {
    const user = userEvent.setup();
    servePages();
    let chunkFails = true;
    jest.doMock('@/components/listing/LoadMoreCards.client', () => {
      if (chunkFails) throw new Error('Loading chunk failed');
      return jest.requireActual('@/components/listing/LoadMoreCards.client');
    });
    try {
      renderLoadMore();
      await user.click(loadMoreButton() as HTMLElement);
      const retry = await screen.findByRole('button', { name: 'Try again' });
      expect(screen.getByRole('status')).toHaveTextContent('The next articles could not be loaded.');
      expect(cards()).toHaveLength(0);

      chunkFails = false;
      await user.click(retry);
      await waitFor(() => expect(cards()).toHaveLength(20));
      expect(screen.getByRole('link', { name: 'Archive story number 21' })).toHaveFocus();
      expect(fetchMock).toHaveBeenCalledTimes(1);
    } finally {
      jest.dontMock('@/components/listing/LoadMoreCards.client');
    }
  });

  it('speaks Dutch on a Dutch listing', async () => {
    const user = userEvent.setup();
    servePages();
    renderLoadMore({ locale: 'nl', tag: 'eredivisie' });
    await user.click(screen.getByRole('button', { name: 'Meer laden' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('20 artikelen geladen'));
    // The card's link is built in the browser, in the listing's language.
    expect(screen.getByRole('link', { name: 'Archive story number 21' })).toHaveAttribute('href', '/nieuws/archive-story-21');
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/listings?locale=nl&tag=eredivisie&cursor=cursor-20');
  });
});
