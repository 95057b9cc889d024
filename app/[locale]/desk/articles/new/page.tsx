import { NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { ArticleForm } from '@/components/desk/ArticleForm.client';
import { DeskShell } from '@/components/desk/DeskShell';
import { newArticlePath } from '@/lib/auth/desk-paths';
import { requireEditor } from '@/lib/auth/request-session';
import { emptyArticleFormValues } from '@/lib/desk/article-form';
import { isLocale, locales } from '@/lib/i18n/locales';
import { requireLocale } from '@/lib/site/params';
import { deskPageMetadata } from '../../page-metadata';
import { saveArticleAction } from '../actions';
import { loadArticleFormOptions } from '../form-options';

// Behind a session: rendered per request, never cached, kept out of search engines.
export const dynamic = 'force-dynamic';

export const generateMetadata = deskPageMetadata('DeskArticleEditor', 'newTitle');

/** A new article, written in the desk's language by default (`?locale=en` to start in another). */
export default async function Page({ params, searchParams }: PageProps<'/[locale]/desk/articles/new'>) {
  const locale = requireLocale((await params).locale);
  const session = await requireEditor(locale, newArticlePath(locale));
  const requested = (await searchParams).locale;
  const articleLocale = isLocale(requested) ? requested : locale;
  const t = await getTranslations({ locale, namespace: 'DeskArticleEditor' });
  const options = await loadArticleFormOptions(locale);

  return (
    <DeskShell locale={locale} user={session.user} current="new" pagePath={newArticlePath(locale)}>
      <section aria-labelledby="editor-title">
        <h1 id="editor-title">{t('newTitle')}</h1>
        <NextIntlClientProvider messages={options.clientMessages}>
          <ArticleForm
            action={saveArticleAction.bind(null, locale, null)}
            pagePath={newArticlePath(locale)}
            initialState={{ values: emptyArticleFormValues(articleLocale), problems: [], formError: null, attempt: 0 }}
            mode="new"
            status="draft"
            locales={locales}
            sections={options.sections}
            authors={options.authors}
            media={options.media}
            upload={options.upload}
          />
        </NextIntlClientProvider>
      </section>
    </DeskShell>
  );
}
