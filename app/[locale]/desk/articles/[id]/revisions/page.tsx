import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DeskRevisions } from '@/components/desk/DeskRevisions';
import { DeskShell } from '@/components/desk/DeskShell';
import { articleRevisionsPath } from '@/lib/auth/desk-paths';
import { requireEditor } from '@/lib/auth/request-session';
import { ArticleIdSchema } from '@/lib/content/model';
import { getDeskArticle } from '@/lib/desk/articles/desk-article';
import { getRevision, listRevisions } from '@/lib/desk/articles/revisions';
import { getDatabase } from '@/lib/db/connection';
import { requireLocale } from '@/lib/site/params';
import { restoreRevisionAction } from '../../actions';

// Behind a session: rendered per request, never cached, kept out of search engines.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/desk/articles/[id]/revisions'>): Promise<Metadata> {
  const locale = requireLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'DeskRevisions' });
  return { title: t('metaTitle'), robots: { index: false, follow: false } };
}

/** `?number=N` shows that revision's whole content. */
export default async function Page({ params, searchParams }: PageProps<'/[locale]/desk/articles/[id]/revisions'>) {
  const { locale: rawLocale, id: rawId } = await params;
  const locale = requireLocale(rawLocale);
  const id = ArticleIdSchema.safeParse(rawId);
  const session = await requireEditor(locale, id.success ? articleRevisionsPath(locale, id.data) : undefined);
  if (!id.success) notFound();
  const database = await getDatabase();
  const desk = await getDeskArticle(database, id.data);
  if (desk === null) notFound();

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
