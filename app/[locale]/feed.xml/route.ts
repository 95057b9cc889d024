import { isLocale, locales } from '@/lib/i18n/locales';
import { documentNotFound, documentResponse, feedXml, RSS_CONTENT_TYPE } from '@/lib/site/feeds';
import { unavailableWhenDatabaseIsDown } from '@/lib/site/unavailable';

// `/feed.xml` (nl, rewritten here by next.config.js) and `/en/feed.xml`. Static; regenerated when
// the locale's listings are revalidated, and hourly at the latest.
export const revalidate = 3600;
export const dynamicParams = false;
export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export const GET = unavailableWhenDatabaseIsDown('xml', async (_request: Request, { params }: RouteContext<'/[locale]/feed.xml'>) => {
  const { locale } = await params;
  if (!isLocale(locale)) return documentNotFound();
  const xml = await feedXml(locale, null);
  return xml === null ? documentNotFound() : documentResponse(xml, RSS_CONTENT_TYPE);
});
