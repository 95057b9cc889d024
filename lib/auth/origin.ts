/**
 * Cross-site request protection for state-changing desk requests.
 *
 * Next checks the Origin of Server Actions itself; the desk's actions check again with this module
 * (defence in depth), and any other state-changing endpoint (route handlers) must call it, since
 * Next does nothing for those. The rule, for a request that is not GET/HEAD:
 *
 * 1. `Sec-Fetch-Site: cross-site` or `same-site` is refused outright (a sibling subdomain is not us).
 * 2. The Origin header, or failing that the Referer's origin, must be present and equal either the
 *    site's public origin (SITE_URL) or the origin the request was addressed to (its Host header,
 *    which a cross-site page cannot set). `Origin: null` (sandboxed frames, some redirects) is refused.
 * 3. With neither Origin nor Referer the request is refused: every current browser sends Origin on
 *    a POST, so only non-browser clients lack both, and those have no business here.
 *
 * The functions are pure (headers in, verdict out) so the rules are tested as a table.
 */

/** The header access this module needs; `Headers` and Next's `ReadonlyHeaders` both fit. */
export interface HeaderSource {
  get(name: string): string | null;
}

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** `host` as sent in the Host header, lowercased; null when it is not a plain host[:port]. */
function normalizeHost(host: string | null): string | null {
  if (host === null) return null;
  const trimmed = host.trim().toLowerCase();
  return /^[a-z0-9.-]+(?::[0-9]{1,5})?$|^\[[0-9a-f:.]+\](?::[0-9]{1,5})?$/.test(trimmed) ? trimmed : null;
}

/**
 * Whether a state-changing request comes from the site itself. `siteUrl` is the configured public
 * origin (SITE_URL).
 */
export function checkSameOrigin(headers: HeaderSource, siteUrl: string): OriginVerdict {
  const fetchSite = headers.get('sec-fetch-site');
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return { ok: false, reason: `Sec-Fetch-Site is ${fetchSite}` };

  const origin = headers.get('origin');
  const referer = headers.get('referer');
  let claimed: string | null;
  if (origin !== null) {
    if (origin === 'null') return { ok: false, reason: 'Origin is null' };
    claimed = originOf(origin);
    if (claimed === null) return { ok: false, reason: 'Origin is not an http(s) origin' };
  } else if (referer !== null) {
    claimed = originOf(referer);
    if (claimed === null) return { ok: false, reason: 'Referer is not an http(s) URL' };
  } else {
    return { ok: false, reason: 'neither Origin nor Referer is present' };
  }

  const site = originOf(siteUrl);
  if (site !== null && claimed === site) return { ok: true };
  const host = normalizeHost(headers.get('host'));
  if (host !== null && new URL(claimed).host === host) return { ok: true };
  return { ok: false, reason: `${claimed} is not this site's origin` };
}

/** The 403 a route handler answers when {@link checkSameOrigin} refuses a request. */
export function crossSiteRefusal(): Response {
  return Response.json({ error: 'cross-site request refused' }, { status: 403, headers: { 'Cache-Control': 'private, no-store' } });
}
