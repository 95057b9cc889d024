import { parseSearchQuery, SearchPage, searchMetadata } from '@/components/pages/SearchPage';
import queryParams from '@/lib/i18n/query-params.json';
import { requireLocale } from '@/lib/site/params';

// Search results depend on the query string, so this route renders per request (and is noindex).

export async function generateMetadata({ params, searchParams }: PageProps<'/[locale]/search'>) {
  const locale = requireLocale((await params).locale);
  const search = await searchParams;
  return searchMetadata(locale, parseSearchQuery(search.q, search[queryParams.page[locale]]));
}

export default async function Page({ params, searchParams }: PageProps<'/[locale]/search'>) {
  const locale = requireLocale((await params).locale);
  const search = await searchParams;
  return <SearchPage locale={locale} query={parseSearchQuery(search.q, search[queryParams.page[locale]])} />;
}
