'use client';
// Client: "5 minutes ago" depends on the reader's clock, so it can only be computed, and kept current, in the browser.

import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { fillTemplate } from '@/lib/i18n/template';
import type { RelativeTimeLabels } from './relativeTimeLabels';

type RelativeRules = typeof import('@/lib/dates/relative');

/**
 * The relative rule is lib/dates/relative.ts: `Intl.RelativeTimeFormat` and a few constants, no
 * date-fns (server formatting stays in lib/dates/format.ts). Loaded after hydration, it stays out
 * of the first-load JavaScript of every page with a time on it; the label only ever appears after
 * mount anyway. One small request, shared by every instance, cached by the browser.
 */
const loadRelativeRules = (): Promise<RelativeRules> => import('@/lib/dates/relative');

const TICK_MS = 60 * 1000;

interface RelativeTimeProps {
  /** The instant, as an ISO 8601 string with a zone. */
  dateTime: string;
  locale: Locale;
  /** Translated by the server parent (see relativeTimeLabels). */
  labels: RelativeTimeLabels;
  /** The absolute time as the server formatted it in the site zone; always shown. */
  children: ReactNode;
}

/**
 * A `<time>` whose text is the server's absolute time, followed after hydration by the relative
 * age while it is under 12 hours: `14:38 (5 minuten geleden)`.
 *
 * The server render and the first client render are the same markup (the absolute time only), so
 * hydration never depends on the reader's zone, locale or clock. The label is added after mount,
 * refreshed once a minute only while the element is on screen and the tab is visible, and removed
 * for good once the instant is 12 hours old (the rule is `relativeTimeLabel` in lib/dates/relative.ts).
 */
export function RelativeTime({ dateTime, locale, labels, children }: RelativeTimeProps) {
  const ref = useRef<HTMLTimeElement>(null);
  const [label, setLabel] = useState<string | null>(null);

  useEffect(() => {
    let unmounted = false;
    let stop = () => {};
    loadRelativeRules().then(
      (rules) => {
        if (!unmounted) stop = keepLabelCurrent(ref.current, rules, dateTime, locale, setLabel);
      },
      // Offline, say: the absolute time is all the reader needs.
      () => undefined,
    );
    return () => {
      unmounted = true;
      stop();
    };
  }, [dateTime, locale]);

  return (
    <>
      <time ref={ref} dateTime={dateTime}>
        {children}
      </time>
      {label !== null ? ` ${fillTemplate(labels.ago, { relative: label })}` : null}
    </>
  );
}

/**
 * Sets the label now, then once a minute while `element` is on screen and the tab is visible, and
 * stops for good once the instant is past the limit. Returns the function that stops it all.
 */
function keepLabelCurrent(
  element: Element | null,
  { relativeTimeLabel, RELATIVE_TIME_LIMIT_MS }: RelativeRules,
  dateTime: string,
  locale: Locale,
  setLabel: (label: string | null) => void,
): () => void {
  const instant = Date.parse(dateTime);
  const isOld = () => Date.now() - instant >= RELATIVE_TIME_LIMIT_MS;
  if (Number.isNaN(instant) || isOld()) {
    setLabel(null);
    return () => {};
  }
  const update = () => setLabel(relativeTimeLabel(dateTime, new Date(), locale));

  let onScreen = true;
  let timer: ReturnType<typeof setInterval> | undefined;
  const pause = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };
  const tick = () => {
    update();
    // Past the limit the label is gone for good: nothing left to refresh.
    if (isOld()) stop();
  };
  const reschedule = () => {
    const active = onScreen && document.visibilityState === 'visible';
    if (active && timer === undefined) {
      update(); // at once: on start, and to catch up on the minutes spent off screen
      timer = setInterval(tick, TICK_MS);
    } else if (!active) {
      pause();
    }
  };

  const observer =
    element && typeof IntersectionObserver !== 'undefined'
      ? new IntersectionObserver((entries) => {
          const entry = entries[entries.length - 1];
          if (entry) onScreen = entry.isIntersecting;
          reschedule();
        })
      : null;
  if (observer && element) observer.observe(element);
  document.addEventListener('visibilitychange', reschedule);
  reschedule();

  function stop() {
    pause();
    observer?.disconnect();
    document.removeEventListener('visibilitychange', reschedule);
  }
  return stop;
}
