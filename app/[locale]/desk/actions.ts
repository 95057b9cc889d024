'use server';
// The desk's Server Actions that need no form state. Each checks the origin explicitly (on top of
// Next's own Server Action check) before it changes anything.
import { redirect } from 'next/navigation';
import { signInPath } from '@/lib/auth/desk-paths';
import { assertSameOriginAction, endCurrentSession } from '@/lib/auth/request-session';
import { isLocale } from '@/lib/i18n/locales';

/** Ends the session on the server, removes the cookie and returns to the sign-in page. */
export async function signOut(locale: string): Promise<void> {
  await assertSameOriginAction();
  await endCurrentSession();
  redirect(signInPath(isLocale(locale) ? locale : 'nl'));
}
