/** @jest-environment jsdom */
import { act, render } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { RelativeTime } from '@/components/time/RelativeTime.client';
import type { Locale } from '@/lib/i18n/locales';
import { testRelativeTimeLabels } from '../setup/labels';

/** Updated at 14:38 in Amsterdam. */
const UPDATED = '2022-05-03T12:38:00.000Z';
const at = (offsetMs: number) => new Date(Date.parse(UPDATED) + offsetMs);
const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/** Renders as the page does: the absolute text inside a byline-like paragraph, the labels from the server. */
const ui = (locale: Locale = 'nl') => (
  <p>
    <RelativeTime dateTime={UPDATED} locale={locale} labels={testRelativeTimeLabels(locale)}>
      14:38
    </RelativeTime>
  </p>
);

/** What the server sends: rendered to HTML where no effect runs. */
function serverHtml(locale: Locale = 'nl') {
  return renderToString(ui(locale));
}

/**
 * Hydrates the server HTML in the document, as the browser does, and reports React's complaints.
 * `firstRender` is the markup right after hydration, before the date rules have loaded.
 */
async function hydrate(locale: Locale = 'nl') {
  const container = document.createElement('div');
  container.innerHTML = serverHtml(locale);
  document.body.appendChild(container);
  const serverDom = container.innerHTML;
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const view = render(ui(locale), { container, hydrate: true });
  const firstRender = container.innerHTML;
  // The date rules arrive in a chunk of their own after mount; React finishes its own
  // zero-delay work, so that only the component's own timers remain.
  await act(async () => {});
  act(() => {
    jest.advanceTimersByTime(0);
  });
  const paragraph = container.querySelector('p') as HTMLElement;
  return { ...view, paragraph, errors, firstRender, serverDom };
}

interface FakeObserver {
  callback: IntersectionObserverCallback;
  disconnected: boolean;
}

let observers: FakeObserver[] = [];

/** Tells the component whether its element is on screen, as IntersectionObserver would. */
function setOnScreen(isIntersecting: boolean) {
  act(() => {
    for (const observer of observers) {
      if (!observer.disconnected) observer.callback([{ isIntersecting } as IntersectionObserverEntry], {} as IntersectionObserver);
    }
  });
}

function setTabVisible(visible: boolean) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (visible ? 'visible' : 'hidden') });
  act(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

function advance(ms: number) {
  act(() => {
    jest.advanceTimersByTime(ms);
  });
}

beforeEach(() => {
  jest.useFakeTimers();
  observers = [];
  // jsdom has no IntersectionObserver: a stand-in whose callback the test calls.
  window.IntersectionObserver = class {
    readonly record: FakeObserver;
    constructor(callback: IntersectionObserverCallback) {
      this.record = { callback, disconnected: false };
      observers.push(this.record);
    }
    observe() {}
    unobserve() {}
    disconnect() {
      this.record.disconnected = true;
    }
    takeRecords() {
      return [];
    }
  } as unknown as typeof IntersectionObserver;
  setTabVisible(true);
});

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('RelativeTime', () => {
  it.each([
    ['nl', 5 * MINUTE],
    ['en', 5 * MINUTE],
    ['nl', 3 * 24 * HOUR],
    ['en', -HOUR],
  ] as const)('sends only the absolute time from the server (%s, clock at %i ms from the instant)', (locale, age) => {
    jest.setSystemTime(at(age));
    const html = serverHtml(locale);
    expect(html).toBe('<p><time dateTime="2022-05-03T12:38:00.000Z">14:38</time></p>');
  });

  it('hydrates without a mismatch, then adds the relative phrase under 12 hours', async () => {
    jest.setSystemTime(at(5 * MINUTE));
    const { paragraph, errors, firstRender, serverDom } = await hydrate('nl');
    expect(errors).not.toHaveBeenCalled();
    expect(firstRender).toBe(serverDom);
    expect(paragraph.textContent).toBe('14:38 (5 minuten geleden)');
    // The <time> keeps the absolute time alone; the phrase follows it.
    expect(paragraph.querySelector('time')).toHaveTextContent(/^14:38$/);
    expect(paragraph.querySelector('time')).toHaveAttribute('datetime', UPDATED);
  });

  it.each([
    { locale: 'nl', age: 20 * 1000, expected: '14:38 (zojuist)' },
    { locale: 'en', age: 20 * 1000, expected: '14:38 (just now)' },
    { locale: 'en', age: 5 * MINUTE, expected: '14:38 (5 minutes ago)' },
    { locale: 'nl', age: 11 * HOUR + 59 * MINUTE, expected: '14:38 (11 uur geleden)' },
    { locale: 'en', age: 12 * HOUR, expected: '14:38' },
    { locale: 'nl', age: 3 * 24 * HOUR, expected: '14:38' },
    { locale: 'nl', age: -5 * MINUTE, expected: '14:38' },
  ] as const)('in $locale, $age ms after the instant, reads "$expected"', async ({ locale, age, expected }) => {
    jest.setSystemTime(at(age));
    const { paragraph } = await hydrate(locale);
    expect(paragraph.textContent).toBe(expected);
  });

  it('ticks once a minute while on screen, and returns to the absolute form at 12 hours', async () => {
    jest.setSystemTime(at(5 * MINUTE));
    const { paragraph } = await hydrate('nl');
    setOnScreen(true);
    advance(MINUTE);
    expect(paragraph.textContent).toBe('14:38 (6 minuten geleden)');
    advance(54 * MINUTE);
    expect(paragraph.textContent).toBe('14:38 (1 uur geleden)');
    advance(11 * HOUR);
    expect(paragraph.textContent).toBe('14:38');
    // Old for good: the timer and the observer are gone.
    expect(jest.getTimerCount()).toBe(0);
    expect(observers.every((observer) => observer.disconnected)).toBe(true);
  });

  it('does not tick while scrolled off screen, and catches up when back', async () => {
    jest.setSystemTime(at(5 * MINUTE));
    const { paragraph } = await hydrate('nl');
    setOnScreen(false);
    expect(jest.getTimerCount()).toBe(0);
    advance(10 * MINUTE);
    expect(paragraph.textContent).toBe('14:38 (5 minuten geleden)');
    setOnScreen(true);
    expect(paragraph.textContent).toBe('14:38 (15 minuten geleden)');
    advance(MINUTE);
    expect(paragraph.textContent).toBe('14:38 (16 minuten geleden)');
  });

  it('does not tick in a background tab, and catches up when the tab is shown', async () => {
    jest.setSystemTime(at(5 * MINUTE));
    const { paragraph } = await hydrate('nl');
    setOnScreen(true);
    setTabVisible(false);
    expect(jest.getTimerCount()).toBe(0);
    advance(30 * MINUTE);
    expect(paragraph.textContent).toBe('14:38 (5 minuten geleden)');
    setTabVisible(true);
    expect(paragraph.textContent).toBe('14:38 (35 minuten geleden)');
  });

  it('cleans up its timer and observer when unmounted', async () => {
    jest.setSystemTime(at(5 * MINUTE));
    const { unmount } = await hydrate('nl');
    setOnScreen(true);
    expect(jest.getTimerCount()).toBe(1);
    unmount();
    expect(jest.getTimerCount()).toBe(0);
    expect(observers.every((observer) => observer.disconnected)).toBe(true);
  });
});
