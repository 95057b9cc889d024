import { NextIntlClientProvider } from 'next-intl';
import { ArticleEditor, deskStatusOf, isEditorNotice, publicationStatusLine } from '@/components/desk/ArticleEditor';
import { ArticleForm } from '@/components/desk/ArticleForm.client';
import { DeskShell } from '@/components/desk/DeskShell';
import { PublicationControls } from '@/components/desk/PublicationControls.client';
import { ShareLinkList } from '@/components/desk/ShareLinkList';
import { SharePreview } from '@/components/desk/SharePreview.client';
import { articleEditPath } from '@/lib/auth/desk-paths';
import { listActiveShareLinks } from '@/lib/data/share-links';
import { valuesFromInput } from '@/lib/desk/article-form';
import { requireDeskArticlePage } from '@/lib/desk/article-page';
import { toLocalDateTime } from '@/lib/desk/datetime-local';
import { locales } from '@/lib/i18n/locales';
import { requireLocale } from '@/lib/site/params';
import { siteConfig } from '@/lib/site/config';
import { deskPageMetadata } from '../../page-metadata';
import { changePublicationAction, createSharePreviewAction, revokeShareLinksAction, saveArticleAction } from '../actions';
import { loadArticleFormOptions } from '../form-options';

// Behind a session: rendered per request, never cached, kept out of search engines.
export const dynamic = 'force-dynamic';

export const generateMetadata = deskPageMetadata('DeskArticleEditor', 'editTitle');

export default async function Page({ params, searchParams }: PageProps<'/[locale]/desk/articles/[id]'>) {
  const { locale: rawLocale, id: rawId } = await params;
  const locale = requireLocale(rawLocale);
  const { session, database, desk } = await requireDeskArticlePage(locale, rawId, articleEditPath);

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
