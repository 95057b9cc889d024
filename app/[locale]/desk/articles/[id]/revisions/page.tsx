import { DeskRevisions } from '@/components/desk/DeskRevisions';
import { DeskShell } from '@/components/desk/DeskShell';
import { articleRevisionsPath } from '@/lib/auth/desk-paths';
import { getRevision, listRevisions } from '@/lib/desk/articles/revisions';
import { requireDeskArticlePage } from '@/lib/desk/article-page';
import { requireLocale } from '@/lib/site/params';
import { deskPageMetadata } from '../../../page-metadata';
import { restoreRevisionAction } from '../../actions';

// Behind a session: rendered per request, never cached, kept out of search engines.
export const dynamic = 'force-dynamic';

export const generateMetadata = deskPageMetadata('DeskRevisions', 'metaTitle');

/** `?number=N` shows that revision's whole content. */
export default async function Page({ params, searchParams }: PageProps<'/[locale]/desk/articles/[id]/revisions'>) {
  const { locale: rawLocale, id: rawId } = await params;
  const locale = requireLocale(rawLocale);
  const { session, database, desk } = await requireDeskArticlePage(locale, rawId, articleRevisionsPath);

  const rawNumber = (await searchParams).number;
  const number = typeof rawNumber === 'string' && /^[1-9][0-9]{0,8}$/.test(rawNumber) ? Number(rawNumber) : null;
  const [revisions, viewing] = await Promise.all([
    listRevisions(database, desk.article.id),
    number === null ? Promise.resolve(null) : getRevision(database, desk.article.id, number),
  ]);

  return (
    <DeskShell locale={locale} user={session.user} current={null} pagePath={articleRevisionsPath(locale, desk.article.id)}>
      <DeskRevisions
        locale={locale}
        desk={desk}
        revisions={revisions}
        viewing={viewing}
        viewingMissing={rawNumber !== undefined && viewing === null}
        now={new Date()}
        restoreAction={(revision) => restoreRevisionAction.bind(null, locale, desk.article.id, revision)}
      />
    </DeskShell>
  );
}
