import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { ArticleEditor, deskStatusOf, isEditorNotice, publicationStatusLine } from '@/components/desk/ArticleEditor';
import { ArticleForm } from '@/components/desk/ArticleForm.client';
import { DeskShell } from '@/components/desk/DeskShell';
import { PublicationControls } from '@/components/desk/PublicationControls.client';
import { ShareLinkList } from '@/components/desk/ShareLinkList';
import { SharePreview } from '@/components/desk/SharePreview.client';
import { articleEditPath } from '@/lib/auth/desk-paths';
import { requireEditor } from '@/lib/auth/request-session';
import { ArticleIdSchema } from '@/lib/content/model';
import { getDeskArticle } from '@/lib/desk/articles/desk-article';
import { listActiveShareLinks } from '@/lib/data/share-links';
import { getDatabase } from '@/lib/db/connection';
import { valuesFromInput } from '@/lib/desk/article-form';
import { toLocalDateTime } from '@/lib/desk/datetime-local';
import { locales } from '@/lib/i18n/locales';
import { requireLocale } from '@/lib/site/params';
import { siteConfig } from '@/lib/site/config';
import { changePublicationAction, createSharePreviewAction, revokeShareLinksAction, saveArticleAction } from '../actions';
import { loadArticleFormOptions } from '../form-options';

// Behind a session: rendered per request, never cached, kept out of search engines.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/desk/articles/[id]'>): Promise<Metadata> {
  const locale = requireLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'DeskArticleEditor' });
  return { title: t('editTitle'), robots: { index: false, follow: false } };
}

export default async function Page({ params, searchParams }: PageProps<'/[locale]/desk/articles/[id]'>) {
  const { locale: rawLocale, id: rawId } = await params;
  const locale = requireLocale(rawLocale);
  const id = ArticleIdSchema.safeParse(rawId);
  const session = await requireEditor(locale, id.success ? articleEditPath(locale, id.data) : undefined);
  if (!id.success) notFound();
  const database = await getDatabase();
  const desk = await getDeskArticle(database, id.data);
  if (desk === null) notFound();

  const notice = (await searchParams).notice;
  const now = new Date();
  const options = await loadArticleFormOptions(locale);
  const shareLinks = await listActiveShareLinks(database, desk.article.id, now);
  const status = deskStatusOf(desk, now);
  const publishedAt = desk.article.publishedAt;
  const scheduleAt = publishedAt !== null && Date.parse(publishedAt) > now.getTime() ? toLocalDateTime(publishedAt, siteConfig.timeZone) : '';

  const pagePath = articleEditPath(locale, desk.article.id);
  return (
    <DeskShell locale={locale} user={session.user} current={null} pagePath={pagePath}>
      <NextIntlClientProvider messages={options.clientMessages}>
        <ArticleEditor
          locale={locale}
          desk={desk}
          notice={isEditorNotice(notice) ? notice : null}
          now={now}
          form={
            // Keyed by revision: after a save the form starts from the stored article again.
            <ArticleForm
              key={desk.revision}
              action={saveArticleAction.bind(null, locale, { id: desk.article.id, baseRevision: desk.revision })}
              pagePath={pagePath}
              initialState={{ values: valuesFromInput(desk.input, siteConfig.timeZone), problems: [], formError: null, attempt: 0 }}
              mode="edit"
              status={desk.article.status}
              locales={locales}
              sections={options.sections}
              authors={options.authors}
              media={options.media}
              upload={options.upload}
            />
          }
          publication={
            <PublicationControls
              key={desk.revision}
              action={changePublicationAction.bind(null, locale, desk.article.id)}
              pagePath={pagePath}
              status={status}
              scheduleAt={scheduleAt}
              statusLine={await publicationStatusLine(locale, desk, now)}
            />
          }
          share={
            <>
              <SharePreview action={createSharePreviewAction.bind(null, locale, desk.article.id)} pagePath={pagePath} />
              <ShareLinkList locale={locale} links={shareLinks} now={now} revokeAction={revokeShareLinksAction.bind(null, locale, desk.article.id)} />
            </>
          }
        />
      </NextIntlClientProvider>
    </DeskShell>
  );
}
