/**
 * Site-wide configuration from the environment. Read once; every value has a safe default so
 * `npm start` works on a fresh machine.
 */

function readTimeZone(value: string | undefined): string {
  const zone = value?.trim() || 'Europe/Amsterdam';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone;
  } catch {
    throw new Error(`SITE_TIME_ZONE "${zone}" is not a valid IANA time zone`);
  }
}

function readSiteUrl(value: string | undefined): string {
  const raw = value?.trim() || `http://localhost:${process.env.PORT ?? '3000'}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL "${raw}" is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`SITE_URL "${raw}" must use http or https`);
  }
  return url.origin;
}

export const siteConfig = {
  /** The name shown in titles, feeds and structured data. */
  name: process.env.SITE_NAME?.trim() || 'Sportnieuws',
  /** The public origin, without a trailing slash, for canonical URLs, sitemaps and feeds. */
  url: readSiteUrl(process.env.SITE_URL),
  /** Every displayed time is shown in this zone, whatever zone the server or the reader is in. */
  timeZone: readTimeZone(process.env.SITE_TIME_ZONE),
} as const;
