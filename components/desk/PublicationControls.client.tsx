'use client';
// In the browser so a refused publication change (a schedule time in the past) shows its reason
// in place and keeps the typed time (useActionState). Without JavaScript the form posts to the same
// Server Action.
import { useActionState, useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import type { DeskStatus } from '@/lib/desk/articles/status';
import type { PublicationState } from './editor-state';
import { formPermalink } from './form-permalink';
import { useUnsavedChanges } from './unsaved-changes';
import styles from './deskPages.module.css';

const FORM_ID = 'publication-form';

export function PublicationControls({
  action,
  pagePath,
  status,
  scheduleAt,
  statusLine,
}: {
  action: (state: PublicationState, form: FormData) => Promise<PublicationState>;
  /** The editor page's path: where the form posts before JavaScript has loaded. */
  pagePath: string;
  status: DeskStatus;
  /** The schedule field's starting value (datetime-local in the site zone). */
  scheduleAt: string;
  /** "Published since …" / "Scheduled for …", formatted on the server. */
  statusLine: string;
}) {
  const t = useTranslations('DeskPublication');
  const [state, formAction, pending] = useActionState(action, { error: null, scheduleAt, attempt: 0 }, formPermalink(pagePath, FORM_ID));
  const error = useRef<HTMLParagraphElement>(null);
  // Publishing and scheduling put the SAVED text online; with edits still in the form they wait.
  const unsaved = useUnsavedChanges();
  useEffect(() => {
    if (state.attempt > 0 && state.error) error.current?.focus();
  }, [state.attempt, state.error]);

  return (
    <section aria-labelledby="publication-title">
      <h2 id="publication-title">{t('title')}</h2>
      <p>{statusLine}</p>
      <form id={FORM_ID} action={formAction} className={styles.inline} noValidate>
        {state.error ? (
          <p ref={error} tabIndex={-1} role="alert" id="publication-error" className={styles.fieldError}>
            {t('error')} {state.error}
          </p>
        ) : null}
        {status !== 'published' ? (
          <button type="submit" name="intent" value="publish" disabled={pending || unsaved} aria-describedby={unsaved ? 'publication-unsaved' : undefined}>
            {t('publish')}
          </button>
        ) : null}
        <label htmlFor="publication-schedule-at">{t('scheduleAt')}</label>
        <input
          key={state.attempt}
          id="publication-schedule-at"
          name="scheduleAt"
          type="datetime-local"
          defaultValue={state.scheduleAt}
          aria-describedby={state.error ? 'publication-schedule-hint publication-error' : 'publication-schedule-hint'}
        />
        <span id="publication-schedule-hint" className={styles.hint}>
          {t('scheduleHint')}
        </span>
        <button
          type="submit"
          name="intent"
          value="schedule"
          disabled={pending || unsaved}
          aria-describedby={unsaved ? 'publication-unsaved' : undefined}
          className={styles.secondary}
        >
          {t('schedule')}
        </button>
        {status !== 'draft' ? (
          <button type="submit" name="intent" value="unpublish" disabled={pending} className={styles.danger}>
            {t('unpublish')}
          </button>
        ) : null}
        {unsaved ? (
          <p id="publication-unsaved" role="status" className={styles.fieldError}>
            {t('unsavedBlocked')}
          </p>
        ) : (
          <p className={styles.hint}>{t('unsavedNote')}</p>
        )}
      </form>
    </section>
  );
}
