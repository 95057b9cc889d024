'use server';
/**
 * The desk's sign-out, a Server Action: every desk page's frame (components/desk/DeskShell.tsx)
 * posts to it, so it lives below the components rather than in one route. It checks the origin
 * explicitly (on top of Next's own Server Action check) before it ends anything.
 */
import { draftMode } from 'next/headers';
import { redirect } from 'next/navigation';
import { signInPath } from '@/lib/auth/desk-paths';
import { assertSameOriginAction, endCurrentSession } from '@/lib/auth/request-session';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';

/**
 * Ends the session on the server, removes its cookie and Draft Mode's (a browser left in Draft
 * Mode would keep bypassing every cache, and previews its next session at once), and returns to
 * the sign-in page.
 */
export async function signOut(locale: string): Promise<void> {
  await assertSameOriginAction();
  await endCurrentSession();
  (await draftMode()).disable();
  redirect(signInPath(isLocale(locale) ? locale : defaultLocale));
}
