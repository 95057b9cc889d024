'use client';
// In the browser so the action's error appears in place and the typed email stays (without
// JavaScript the form still posts to the same Server Action and the page re-renders with the error).
import { useActionState } from 'react';
import { initialSignInState, type SignInFormState } from './sign-in-state';
import styles from './desk.module.css';

export interface SignInFormLabels {
  email: string;
  password: string;
  submit: string;
}

export function SignInForm({
  action,
  next,
  pagePath,
  labels,
}: {
  action: (state: SignInFormState, form: FormData) => Promise<SignInFormState>;
  next: string;
  /** The sign-in page's URL (with its `next`): where the form posts without JavaScript. */
  pagePath: string;
  labels: SignInFormLabels;
}) {
  // The page's URL as React's permalink: the form's `action` (see form-permalink.ts).
  const [state, formAction, pending] = useActionState(action, initialSignInState, pagePath);
  return (
    <form action={formAction} className={styles.form}>
      {state.error ? (
        <p role="alert" className={styles.error}>
          {state.error}
        </p>
      ) : null}
      <input type="hidden" name="next" value={next} />
      <label htmlFor="desk-email">{labels.email}</label>
      <input id="desk-email" name="email" type="email" autoComplete="username" required maxLength={254} defaultValue={state.email} />
      <label htmlFor="desk-password">{labels.password}</label>
      <input id="desk-password" name="password" type="password" autoComplete="current-password" required maxLength={256} />
      <button type="submit" disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
