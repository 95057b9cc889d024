'use client';
// In the browser so a refused restore (its old slug taken by now, a removed section) shows the
// reason next to the button (useActionState). Without JavaScript the form posts all the same.
import { useActionState } from 'react';
import { initialRestoreState, type RestoreState } from './editor-state';
import styles from './deskPages.module.css';

export function RestoreRevisionForm({
  action,
  label,
  hint,
}: {
  action: (state: RestoreState, form: FormData) => Promise<RestoreState>;
  label: string;
  hint?: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialRestoreState);
  return (
    <form action={formAction} className={styles.inline}>
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
