/**
 * The desk's session cookie: its name and attributes, derived from the site's public origin.
 *
 * - HttpOnly: scripts (and any injected script) cannot read the token.
 * - SameSite=Lax: the browser does not send it on cross-site POSTs, iframes or fetches; top-level
 *   links into the desk still arrive signed in.
 * - Secure, and the `__Host-` name prefix, when SITE_URL is https: the browser then refuses the
 *   cookie over plain http and from any subdomain, and pins it to Path=/ without a Domain.
 * - Max-Age is the session's absolute lifetime; the server enforces idle and absolute expiry
 *   regardless of what the browser keeps.
 */
import { SESSION_ABSOLUTE_LIFETIME_MS } from './sessions';

export interface SessionCookie {
  name: string;
  options: {
    httpOnly: true;
    sameSite: 'lax';
    secure: boolean;
    path: '/';
    maxAge: number;
  };
}

export function sessionCookie(siteUrl: string): SessionCookie {
  const secure = new URL(siteUrl).protocol === 'https:';
  return {
    name: secure ? '__Host-desk_session' : 'desk_session',
    options: { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: Math.floor(SESSION_ABSOLUTE_LIFETIME_MS / 1000) },
  };
}
