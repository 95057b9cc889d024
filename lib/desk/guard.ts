/**
 * The start of every admin Server Action: the explicit origin check, a live session, and the
 * permission, re-checked on the server whatever the page showed. Answers why not, for the form.
 */
import { forbidden } from 'next/navigation';
import { assertSameOriginAction, getSession, requireEditor } from '@/lib/auth/request-session';
import { can, type Permission } from '@/lib/auth/roles';
import type { ValidSession } from '@/lib/auth/sessions';
import type { Locale } from '@/lib/i18n/locales';

export type AdminGuard = { ok: true; session: ValidSession } | { ok: false; reason: 'refused' | 'signedOut' | 'forbidden' };

export async function guardAdminAction(permission: Permission): Promise<AdminGuard> {
  try {
    await assertSameOriginAction();
  } catch {
    return { ok: false, reason: 'refused' };
  }
  const session = await getSession();
  if (session === null) return { ok: false, reason: 'signedOut' };
  if (!can(session.user.role, permission)) return { ok: false, reason: 'forbidden' };
  return { ok: true, session };
}

/**
 * For admin pages: the session (or the redirect to sign-in, coming back to `returnTo`), and a 403
 * (Next's forbidden(), rendered by the segment's forbidden.tsx) for a signed-in user without the
 * permission.
 */
export async function requireAdminPage(locale: Locale, returnTo: string, permission: Permission): Promise<ValidSession> {
  const session = await requireEditor(locale, returnTo);
  if (!can(session.user.role, permission)) forbidden();
  return session;
}
