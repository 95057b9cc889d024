/**
 * The desk session of the current request (server only: Server Components, Server Actions and
 * route handlers). Reads the session cookie through next/headers, which also makes every desk
 * route dynamic: nothing behind a session is ever prerendered or cached.
 *
 * - {@link getSession}: the session and its user, or null. Cached per request.
 * - {@link requireEditor}: for pages; redirects to the localized sign-in page, with `next`
 *   pointing back, when there is no session.
 * - {@link requireEditorForApi}: for route handlers; a 401 Response when there is no session.
 * - {@link assertSameOriginAction}: the explicit origin check every desk Server Action starts with.
 */
import { cache } from 'react';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDatabase } from '@/lib/db/connection';
import type { Locale } from '@/lib/i18n/locales';
import { siteConfig } from '@/lib/site/config';
import { clientAddress } from './client-address';
import { sessionCookie } from './cookie';
import { deskPath, passwordPath, safeNextPath, signInUrl } from './desk-paths';
import { checkSameOrigin } from './origin';
import { destroySession, validateSession, type ValidSession } from './sessions';

const cookieSpec = () => sessionCookie(siteConfig.url);

/**
 * Any valid session of the current request, including one that must change its password first.
 * Only the password page and the sign-in page ask for that; everything else uses {@link getSession}.
 */
export const getPasswordChangeSession = cache(async (): Promise<ValidSession | null> => {
  const token = (await cookies()).get(cookieSpec().name)?.value;
  if (!token) return null;
  return validateSession(await getDatabase(), token, { now: new Date() });
});

/**
 * The current request's session, or null. Validating also refreshes its activity (once a minute).
 * A session signed in with a one-time password (an admin reset) counts as no session here until
 * its user has chosen a new password: it can open no desk page, call no action and no API.
 */
export const getSession = cache(async (): Promise<ValidSession | null> => {
  const session = await getPasswordChangeSession();
  return session === null || session.passwordChangeRequired ? null : session;
});

/**
 * The signed-in session, or a redirect to the sign-in page of `locale` that comes back to
 * `returnTo` (a desk path; anything else returns to the desk's home). A session that must change
 * its password first is sent to the password page instead.
 */
export async function requireEditor(locale: Locale, returnTo: string = deskPath(locale)): Promise<ValidSession> {
  const session = await getSession();
  if (session !== null) return session;
  if ((await getPasswordChangeSession())?.passwordChangeRequired) redirect(passwordPath(locale));
  redirect(signInUrl(locale, safeNextPath(returnTo, locale)));
}

/** For route handlers: the session, or the 401 Response to return as is. */
export async function requireEditorForApi(): Promise<ValidSession | Response> {
  const session = await getSession();
  if (session !== null) return session;
  return Response.json(
    { error: 'sign in to the desk first' },
    { status: 401, headers: { 'Cache-Control': 'private, no-store', 'WWW-Authenticate': 'Cookie realm="desk"' } },
  );
}

/** Throws when the current Server Action request does not come from the site itself. */
export async function assertSameOriginAction(): Promise<void> {
  const verdict = checkSameOrigin(await headers(), siteConfig.url);
  if (!verdict.ok) throw new Error(`cross-site request refused: ${verdict.reason}`);
}

/**
 * The client's address (the socket's peer, or the client a trusted proxy names: see
 * lib/auth/client-address.ts; null when unknown) and user agent, for throttling and the session audit.
 */
export async function requestClient(): Promise<{ address: string | null; userAgent: string | null }> {
  const requestHeaders = await headers();
  return { address: clientAddress(requestHeaders), userAgent: requestHeaders.get('user-agent') };
}

/**
 * Sets the cookie of a new session (Server Actions and route handlers only). A session the browser
 * still presented is ended first, so signing in never keeps an older token alive.
 */
export async function setSessionCookie(token: string): Promise<void> {
  const { name, options } = cookieSpec();
  const jar = await cookies();
  const previous = jar.get(name)?.value;
  if (previous && previous !== token) await destroySession(await getDatabase(), previous);
  jar.set(name, token, options);
}

/** Ends the current session on the server and removes its cookie. */
export async function endCurrentSession(): Promise<void> {
  const { name, options } = cookieSpec();
  const jar = await cookies();
  await destroySession(await getDatabase(), jar.get(name)?.value);
  // Overwrite with the same attributes: a `__Host-` cookie is only replaced by one that is Secure with Path=/.
  jar.set(name, '', { ...options, maxAge: 0 });
}
