import { notFound, permanentRedirect } from 'next/navigation';
import { SearchPage, searchMetadata, searchPath } from '@/components/pages/SearchPage';
import queryParams from '@/lib/i18n/query-params.json';
import { requireLocale } from '@/lib/site/params';
import { readSearchParams, searchHref } from '@/lib/site/search-params';

// Search results depend on the query string, so this route renders per request (and is noindex).
// Its page parameter is as strict as a listing's: a bad one is a 404, `1` redirects to the URL
// without it, and SearchPage answers 404 for a page past the last.

async function resolve({ params, searchParams }: PageProps<'/[locale]/search'>) {
  const locale = requireLocale((await params).locale);
  const search = await searchParams;
  const request = readSearchParams(search.q, search[queryParams.page[locale]]);
  if (request.kind === 'not-found') notFound();
  if (request.kind === 'page-one') permanentRedirect(searchHref(searchPath(locale), locale, request.text));
  return { locale, query: request.query };
}

export async function generateMetadata(props: PageProps<'/[locale]/search'>) {
  const { locale, query } = await resolve(props);
  return searchMetadata(locale, query);
}

export default async function Page(props: PageProps<'/[locale]/search'>) {
  const { locale, query } = await resolve(props);
  return <SearchPage locale={locale} query={query} />;
}
