'use client';
// Client: polls for a newer version of the article while the reader has the tab open, and offers to show it.

import { useEffect, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import type { ArticleStatusResponse } from '@/lib/site/api-params';
import type { UpdateNoticeLabels } from './updateNoticeLabels';
import styles from './UpdateNotice.module.css';

/** How often an open, visible article asks whether it changed. */
export const UPDATE_CHECK_INTERVAL_MS = 60 * 1000;

/** What the notice compares: the status endpoint's answer, or the server's version to begin with. */
type ArticleVersion = Pick<ArticleStatusResponse, 'updatedAt' | 'path'>;

/** The article is no longer public (unpublished, or deleted): stop asking. */
class ArticleGoneError extends Error {
  override readonly name = 'ArticleGoneError';
}

const isString = (value: unknown): value is string => typeof value === 'string';

/** Checks the endpoint's JSON instead of trusting it: a cached or proxied error page is not a status. */
function readArticleStatus(json: unknown): ArticleStatusResponse {
  if (typeof json === 'object' && json !== null) {
    const { id, updatedAt, slug, path } = json as Record<string, unknown>;
    if (isString(id) && isString(updatedAt) && !Number.isNaN(Date.parse(updatedAt)) && isString(slug) && isString(path)) {
      return { id, updatedAt, slug, path };
    }
  }
  throw new TypeError('unexpected article status response');
}

async function fetchArticleStatus(id: string, signal: AbortSignal): Promise<ArticleStatusResponse> {
  const response = await fetch(`/api/articles/${encodeURIComponent(id)}/status`, {
    signal,
    headers: { accept: 'application/json' },
  });
  if (response.status === 404) throw new ArticleGoneError(`article ${id} is not public`);
  if (!response.ok) throw new Error(`article status check failed with HTTP ${response.status}`);
  return readArticleStatus(await response.json());
}

interface UpdateNoticeProps {
  articleId: string;
  /** ISO 8601: the last update of the version on screen. */
  updatedAt: string;
  /** The article's current URL path, as the page was rendered. */
  path: string;
  /** Translated by the server parent (see updateNoticeLabels). */
  labels: UpdateNoticeLabels;
}

/**
 * Tells the reader, politely, when the article they are reading has been updated, and offers a
 * button to show the new version. It never reloads by itself: the reader may be mid-sentence.
 *
 * The server's version is the query's initial data. The status endpoint is asked once a minute
 * while the tab is visible (React Query pauses the interval in background tabs) and when the
 * reader comes back to the tab. A 404 means the article is no longer public, and polling stops.
 */
export function UpdateNotice({ articleId, updatedAt, path, labels }: UpdateNoticeProps) {
  const router = useRouter();
  const [isRefreshing, startRefresh] = useTransition();
  const [dismissed, setDismissed] = useState<string | null>(null);
  const restoreFocus = useRef(false);

  const { data } = useQuery<ArticleVersion>({
    queryKey: ['article-status', articleId],
    queryFn: ({ signal }) => fetchArticleStatus(articleId, signal),
    initialData: { updatedAt, path },
    staleTime: UPDATE_CHECK_INTERVAL_MS,
    refetchInterval: (query) => (query.state.error instanceof ArticleGoneError ? false : UPDATE_CHECK_INTERVAL_MS),
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    // The next poll is the retry.
    retry: false,
  });

  const changed = Date.parse(data.updatedAt) > Date.parse(updatedAt) || data.path !== path;
  const visible = changed && dismissed !== data.updatedAt;

  useEffect(() => {
    // The button the reader pressed is gone with the notice once the new version is on screen:
    // put focus at the start of the content rather than let it fall back to the document.
    if (!visible && restoreFocus.current) {
      restoreFocus.current = false;
      document.getElementById('main')?.focus({ preventScroll: true });
    }
  }, [visible]);

  const showNewVersion = () => {
    if (isRefreshing) return;
    restoreFocus.current = true;
    startRefresh(() => {
      // A changed slug means the new version lives at another URL; the old one only redirects.
      if (data.path !== window.location.pathname) router.replace(data.path);
      else router.refresh();
    });
  };

  return (
    <div className={styles.region} role="status" aria-live="polite">
      {visible ? (
        <div className={styles.notice}>
          <p className={styles.message}>{labels.message}</p>
          <button type="button" className={styles.show} onClick={showNewVersion} aria-disabled={isRefreshing || undefined}>
            {isRefreshing ? labels.loading : labels.show}
          </button>
          <button type="button" className={styles.dismiss} onClick={() => setDismissed(data.updatedAt)}>
            {labels.dismiss}
          </button>
        </div>
      ) : null}
    </div>
  );
}
