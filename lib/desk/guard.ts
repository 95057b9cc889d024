/**
 * The start of every desk request that needs a permission, whatever page rendered the form:
 * - a Server Action: the explicit origin check, a live session and the permission, re-checked on
 *   the server, answering why not for the form (a Server Action is a public endpoint);
 * - an admin page: the session (or sign-in) and a 403 without the permission.
 * An article's desk pages start with ./article-page.ts.
 */
import { forbidden } from 'next/navigation';
import { deskRoutePath, type DeskPathname } from '@/lib/auth/desk-paths';
import { assertSameOriginAction, getSession, requireEditor } from '@/lib/auth/request-session';
import { can, type Permission } from '@/lib/auth/roles';
import type { ValidSession } from '@/lib/auth/sessions';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/locales';
import type { DeskUser } from './articles/write-path';

export type DeskActionGuard = { ok: true; session: ValidSession } | { ok: false; reason: 'refused' | 'signedOut' | 'forbidden' };

/** Origin, session and permission, in that order; never throws for a refusal. */
export async function guardDeskAction(permission: Permission): Promise<DeskActionGuard> {
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

/** The account a desk write is recorded under. */
export const deskUserOf = (session: ValidSession): DeskUser => ({ id: session.user.id, name: session.user.name });

/**
 * The locale a Server Action was bound to. It travels through the browser, so anything else
 * falls back to the default rather than failing.
 */
export const actionLocale = (raw: string): Locale => (isLocale(raw) ? raw : defaultLocale);

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

/** An admin screen at `pathname`: its path in `locale` (where its forms come back to) and the session, as {@link requireAdminPage}. */
export async function requireAdminScreen(locale: Locale, pathname: DeskPathname, permission: Permission): Promise<{ pagePath: string; session: ValidSession }> {
  const pagePath = deskRoutePath(locale, pathname);
  return { pagePath, session: await requireAdminPage(locale, pagePath, permission) };
}
