import type { Locale } from '@/lib/i18n/locales';
import { getPathname } from '@/lib/i18n/navigation';
import { structuredDataSite } from '@/lib/seo/site-assets';
import { organizationJsonLd, webSiteJsonLd } from '@/lib/seo/structured-data';
import { JsonLd } from './JsonLd';

/** WebSite (with the site search as a SearchAction) and the publishing Organization, for a home front. */
export function HomeStructuredData({ locale }: { locale: Locale }) {
  const site = structuredDataSite();
  return (
    <>
      <JsonLd data={webSiteJsonLd(site, { locale, homePath: getPathname({ locale, href: '/' }), searchPath: getPathname({ locale, href: '/search' }) })} />
      <JsonLd data={organizationJsonLd(site)} />
    </>
  );
}
