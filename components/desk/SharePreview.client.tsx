'use client';
// In the browser so the new link appears in place (useActionState) and can be copied to the
// clipboard, a browser API. Without JavaScript the form still posts and the page shows the link.
import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { initialSharePreviewState, type SharePreviewState } from './editor-state';
import { formPermalink } from './form-permalink';
import styles from './deskPages.module.css';

const FORM_ID = 'share-preview-form';

export function SharePreview({
  action,
  pagePath,
}: {
  action: (state: SharePreviewState, form: FormData) => Promise<SharePreviewState>;
  /** The editor page's path: where the form posts before JavaScript has loaded. */
  pagePath: string;
}) {
  const t = useTranslations('DeskSharePreview');
  const [state, formAction, pending] = useActionState(action, initialSharePreviewState, formPermalink(pagePath, FORM_ID));
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copyLink(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  }

  return (
    <section aria-labelledby="share-title">
      <h2 id="share-title">{t('title')}</h2>
      <p className={styles.hint}>{t('hint')}</p>
      <form id={FORM_ID} action={formAction} className={styles.inline} onSubmit={() => setCopy('idle')}>
        <button type="submit" disabled={pending} className={styles.secondary}>
          {pending ? t('working') : t('create')}
        </button>
      </form>
      {state.error ? (
        <p role="alert" className={styles.fieldError}>
          {state.error}
        </p>
      ) : null}
      {state.url ? (
        <div className={styles.inline}>
          <label htmlFor="share-url">{t('link')}</label>
          <input
            id="share-url"
            className={styles.shareUrl}
            type="text"
            readOnly
            value={state.url}
            aria-describedby="share-expires"
            onFocus={(event) => event.currentTarget.select()}
          />
          <p id="share-expires" className={styles.hint}>
            <time dateTime={state.expiresIso ?? undefined}>{t('expires', { time: state.expires ?? '' })}</time>
          </p>
          <button
            type="button"
            className={styles.secondary}
            onClick={() => void copyLink(state.url ?? '')}
          >
            {t('copy')}
          </button>
          <p role="status" className={styles.hint}>
            {copy === 'copied' ? t('copied') : copy === 'failed' ? t('copyFailed') : ''}
          </p>
        </div>
      ) : null}
    </section>
  );
}
