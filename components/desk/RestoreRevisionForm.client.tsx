'use client';
// In the browser so a refused restore (its old slug taken by now, a removed section) shows the
// reason next to the button (useActionState). Without JavaScript the form posts all the same.
import { useActionState } from 'react';
import { initialRestoreState, type RestoreState } from './editor-state';
import { formPermalink } from './form-permalink';
import styles from './deskPages.module.css';

export function RestoreRevisionForm({
  id,
  pagePath,
  action,
  label,
  hint,
}: {
  /** Unique on the page (a revision can have two restore forms: in the list and in its view). */
  id: string;
  /** The revisions page's URL: where the form posts before JavaScript has loaded. */
  pagePath: string;
  action: (state: RestoreState, form: FormData) => Promise<RestoreState>;
  label: string;
  hint?: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialRestoreState, formPermalink(pagePath, id));
  return (
    <form id={id} action={formAction} className={styles.inline}>
      {hint ? <p className={styles.hint}>{hint}</p> : null}
      <button type="submit" disabled={pending} className={styles.secondary}>
        {label}
      </button>
      {state.error ? (
        <p role="alert" className={styles.fieldError}>
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
