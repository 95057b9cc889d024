import type { Author } from '@/lib/content/model';
import type { Locale } from '@/lib/i18n/locales';
import { getPathname } from '@/lib/i18n/navigation';
import { structuredDataSite } from '@/lib/seo/site-assets';
import { profilePageJsonLd } from '@/lib/seo/structured-data';
import { JsonLd } from './JsonLd';

/** ProfilePage with the author as a Person, for the author's page. */
export function AuthorStructuredData({ author, locale }: { author: Author; locale: Locale }) {
  const path = getPathname({ locale, href: { pathname: '/author/[slug]', params: { slug: author.slug } } });
  return <JsonLd data={profilePageJsonLd(author, structuredDataSite(), { locale, path })} />;
}
