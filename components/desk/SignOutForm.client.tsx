'use client';
// In the browser only for useActionState's permalink, React's one way to give a Server Action
// form a real `action` URL, here the page's own (see form-permalink.ts); sign-out keeps no state.
import { useActionState } from 'react';
import styles from './desk.module.css';

/** Sign-out is a POST (a Server Action), never a link a prefetch or a crawler could follow. */
export function SignOutForm({ action, pagePath, label }: { action: () => Promise<void>; pagePath: string; label: string }) {
  const [, formAction] = useActionState(action, undefined, pagePath);
  return (
    <form action={formAction} className={styles.signOut}>
      <button type="submit">{label}</button>
    </form>
  );
}
