import { DeskArticleList } from '@/components/desk/DeskArticleList';
import { DeskShell } from '@/components/desk/DeskShell';
import { deskPath } from '@/lib/auth/desk-paths';
import { requireEditor } from '@/lib/auth/request-session';
import { InvalidCursorError } from '@/lib/data/cursor';
import { listDeskArticles } from '@/lib/desk/articles/list';
import { listAllSections } from '@/lib/data/taxonomy';
import { getDatabase } from '@/lib/db/connection';
import { deskListHref, parseDeskListParams } from '@/lib/desk/list-params';
import { requireLocale } from '@/lib/site/params';
import { deskPageMetadata } from './page-metadata';

// Behind a session: rendered per request, never cached (Next sends `private, no-store` for it),
// and kept out of search engines.
export const dynamic = 'force-dynamic';

export const generateMetadata = deskPageMetadata('DeskArticleList', 'metaTitle');

/** The article list: every article of every status, filtered by the query string. */
export default async function Page({ params, searchParams }: PageProps<'/[locale]/desk'>) {
  const locale = requireLocale((await params).locale);
  const { filters, cursor } = parseDeskListParams(await searchParams);
  const session = await requireEditor(locale, deskListHref(deskPath(locale), filters, cursor));
  const database = await getDatabase();
  const now = new Date();
  const options = { ...filters, limit: 25 };

  let badCursor = false;
  let page;
  try {
    page = await listDeskArticles(database, { ...options, cursor }, now);
  } catch (error) {
    if (!(error instanceof InvalidCursorError)) throw error;
    badCursor = true;
    page = await listDeskArticles(database, options, now);
  }
  const sections = await listAllSections(database);

  return (
    <DeskShell locale={locale} user={session.user} current="articles" pagePath={deskPath(locale)}>
      <DeskArticleList
        locale={locale}
        page={page}
        filters={filters}
        paged={cursor !== null && !badCursor}
        badCursor={badCursor}
        sections={sections}
        now={now}
      />
    </DeskShell>
  );
}
