import { isLocale } from '@/lib/i18n/locales';
import { documentNotFound, documentResponse, feedXml, RSS_CONTENT_TYPE } from '@/lib/site/feeds';
import { unavailableWhenDatabaseIsDown } from '@/lib/site/unavailable';

// `/rubriek/{slug}/feed.xml` (nl, rewritten here by next.config.js) and `/en/section/{slug}/feed.xml`.
// Rendered on first request, then static until the locale's listings or the taxonomy are revalidated.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

/** An unknown section's feed is a 404. */
export const GET = unavailableWhenDatabaseIsDown('xml', async (_request: Request, { params }: RouteContext<'/[locale]/section/[slug]/feed.xml'>) => {
  const { locale, slug } = await params;
  if (!isLocale(locale)) return documentNotFound();
  const xml = await feedXml(locale, slug);
  return xml === null ? documentNotFound() : documentResponse(xml, RSS_CONTENT_TYPE);
});
