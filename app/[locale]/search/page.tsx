import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { SearchResults } from '@/components/search/SearchResults';
import type { Locale } from '@/lib/i18n/locales';
import { getPathname } from '@/lib/i18n/navigation';
import queryParams from '@/lib/i18n/query-params.json';
import { pageMetadata } from '@/lib/seo/metadata';
import { searchArticles } from '@/lib/site/content';
import { requireLocale } from '@/lib/site/params';
import { readSearchParams, SEARCH_PAGE_SIZE, searchHref, searchPageExists } from '@/lib/site/search-params';

// Search results depend on the query string, so this route renders per request (and is noindex).
// Its page parameter is as strict as a listing's: a bad one is a 404, `1` redirects to the URL
// without it, and a page past the last is a 404 too.

const searchPath = (locale: Locale) => getPathname({ locale, href: '/search' });

async function resolve({ params, searchParams }: PageProps<'/[locale]/search'>) {
  const locale = requireLocale((await params).locale);
  const search = await searchParams;
  const request = readSearchParams(search.q, search[queryParams.page[locale]]);
  if (request.kind === 'not-found') notFound();
  if (request.kind === 'page-one') permanentRedirect(searchHref(searchPath(locale), locale, request.text));
  return { locale, query: request.query };
}

export async function generateMetadata(props: PageProps<'/[locale]/search'>): Promise<Metadata> {
  const { locale, query } = await resolve(props);
  const t = await getTranslations({ locale, namespace: 'SearchPage' });
  return pageMetadata({
    locale,
    title: query.kind === 'query' ? t('titleWithQuery', { query: query.text }) : t('title'),
    path: searchPath(locale),
    languages: { nl: searchPath('nl'), en: searchPath('en') },
    noindex: true,
  });
}

/** Full-text search over title, intro and body, ranked, with the matched words highlighted. */
export default async function Page(props: PageProps<'/[locale]/search'>) {
  const { locale, query } = await resolve(props);
  const results = query.kind === 'query' ? await searchArticles(locale, query.text, query.page, SEARCH_PAGE_SIZE) : null;
  // A page past the last is a 404, as on listings: never "15 results" above an empty list.
  if (query.kind === 'query' && results !== null && !searchPageExists(query.page, results.total)) notFound();
  return <SearchResults locale={locale} query={query} path={searchPath(locale)} results={results} />;
}
