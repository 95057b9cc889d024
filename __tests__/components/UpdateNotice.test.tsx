/** @jest-environment jsdom */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { UpdateNotice, UPDATE_CHECK_INTERVAL_MS } from '@/components/article/UpdateNotice.client';
import type { ArticleStatusResponse } from '@/lib/site/api-params';
import { testUpdateNoticeLabels } from '../setup/labels';

const refresh = jest.fn();
const replace = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh, replace }) }));

const ID = 'e2e-reference-article';
const PATH = '/nieuws/trainer-van-dijkstad-blijft-kalm-na-nederlaag';
const SHOWN: ArticleStatusResponse = { id: ID, updatedAt: '2022-05-03T12:38:40.000Z', slug: 'trainer-van-dijkstad-blijft-kalm-na-nederlaag', path: PATH };
const NEWER: ArticleStatusResponse = { ...SHOWN, updatedAt: '2022-05-03T13:05:00.000Z' };

type FetchResult = { ok: boolean; status: number; json: () => Promise<unknown> };
const fetchMock = jest.fn<Promise<FetchResult>, [string, RequestInit?]>();

/** The endpoint answers with this status body from now on. */
function answer(body: unknown, status = 200) {
  fetchMock.mockImplementation(async () => ({ ok: status >= 200 && status < 300, status, json: async () => body }));
}

function setTabVisible(visible: boolean) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (visible ? 'visible' : 'hidden') });
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

/** Lets one polling interval pass, and the fetch it starts settle. */
async function nextPoll() {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS);
  });
  // React Query hands results to React on a zero-delay timer.
  await act(async () => {
    await jest.advanceTimersByTimeAsync(1);
  });
}

function renderNotice() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const ui = (updatedAt: string) => (
    <QueryClientProvider client={client}>
      <UpdateNotice articleId={ID} updatedAt={updatedAt} path={PATH} labels={testUpdateNoticeLabels('nl')} />
    </QueryClientProvider>
  );
  const view = render(ui(SHOWN.updatedAt));
  /** The server sends the page again (after router.refresh), now at `updatedAt`. */
  const rerenderAt = (updatedAt: string) => view.rerender(ui(updatedAt));
  return { ...view, rerenderAt };
}

/** jsdom reports any attempt to navigate or reload the document as a console error. */
let consoleErrors: jest.SpyInstance;

beforeEach(() => {
  jest.useFakeTimers();
  refresh.mockReset();
  replace.mockReset();
  fetchMock.mockReset();
  // fetch is outside the component: the test plays the endpoint.
  globalThis.fetch = fetchMock as unknown as typeof fetch;
  window.history.replaceState(null, '', PATH);
  consoleErrors = jest.spyOn(console, 'error');
  setTabVisible(true);
});

afterEach(() => {
  jest.useRealTimers();
  consoleErrors.mockRestore();
});

describe('UpdateNotice', () => {
  it('starts from the server version without asking, in an empty polite live region', () => {
    answer(SHOWN);
    renderNotice();
    const region = screen.getByRole('status');
    expect(region).toHaveAttribute('aria-live', 'polite');
    expect(region).toBeEmptyDOMElement();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('asks the status endpoint once a minute and stays silent while nothing changed', async () => {
    answer(SHOWN);
    renderNotice();
    await nextPoll();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]?.[0]).toBe(`/api/articles/${ID}/status`);
    await nextPoll();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('offers the new version when the article was updated, and never reloads by itself', async () => {
    answer(SHOWN);
    renderNotice();
    await nextPoll();
    answer(NEWER);
    await nextPoll();
    const region = screen.getByRole('status');
    expect(region).toHaveTextContent('Dit artikel is bijgewerkt.');
    expect(screen.getByRole('button', { name: 'Toon de nieuwe versie' })).toBeInTheDocument();
    await nextPoll();
    await nextPoll();
    expect(refresh).not.toHaveBeenCalled();
    expect(replace).not.toHaveBeenCalled();
    expect(consoleErrors).not.toHaveBeenCalled();
    expect(window.location.pathname).toBe(PATH);
  });

  it('refreshes the page when the reader asks for the new version', async () => {
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    answer(NEWER);
    renderNotice();
    await nextPoll();
    await user.click(screen.getByRole('button', { name: 'Toon de nieuwe versie' }));
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(replace).not.toHaveBeenCalled();
  });

  it('hides the notice once the refreshed page shows the new version', async () => {
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    answer(NEWER);
    const { rerenderAt } = renderNotice();
    await nextPoll();
    await user.click(screen.getByRole('button', { name: 'Toon de nieuwe versie' }));
    rerenderAt(NEWER.updatedAt);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    await nextPoll();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('goes to the new URL when the slug changed', async () => {
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    answer({ ...SHOWN, slug: 'nieuwe-kop', path: '/nieuws/nieuwe-kop' });
    renderNotice();
    await nextPoll();
    await user.click(screen.getByRole('button', { name: 'Toon de nieuwe versie' }));
    expect(replace).toHaveBeenCalledWith('/nieuws/nieuwe-kop');
    expect(refresh).not.toHaveBeenCalled();
  });

  it('can be closed, and stays closed until a later update', async () => {
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    answer(NEWER);
    renderNotice();
    await nextPoll();
    await user.click(screen.getByRole('button', { name: 'Sluiten' }));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    await nextPoll();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    answer({ ...NEWER, updatedAt: '2022-05-03T14:00:00.000Z' });
    await nextPoll();
    expect(screen.getByRole('button', { name: 'Toon de nieuwe versie' })).toBeInTheDocument();
  });

  it('does not poll while the tab is hidden', async () => {
    answer(NEWER);
    renderNotice();
    setTabVisible(false);
    await nextPoll();
    await nextPoll();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('stops polling once the article is no longer public (404)', async () => {
    answer({ error: 'no public article' }, 404);
    renderNotice();
    await nextPoll();
    await nextPoll();
    await nextPoll();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it.each([
    ['an error page', { error: 'boom' }, 500],
    ['a body of another shape', { updatedAt: 42 }, 200],
  ])('shows nothing for %s, and keeps polling', async (_name, body, status) => {
    answer(body, status);
    renderNotice();
    await nextPoll();
    await nextPoll();
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});
