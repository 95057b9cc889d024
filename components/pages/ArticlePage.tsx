import type { Metadata } from 'next';
import Image from 'next/image';
import { notFound, permanentRedirect, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ArticleBody } from '@/components/article/ArticleBody';
import { ArticleByline } from '@/components/article/ArticleByline';
import { UpdateNotice } from '@/components/article/UpdateNotice.client';
import { updateNoticeLabels } from '@/components/article/updateNoticeLabels';
import { ArticleList } from '@/components/listing/ArticleList';
import { ArticleStructuredData } from '@/components/seo/ArticleStructuredData';
import { PreviewBanner, type ArticlePreview } from '@/components/preview/PreviewBanner';
import { QueryProvider } from '@/components/providers/QueryProvider.client';
import { VideoObjectsJsonLd } from '@/components/video/VideoObjectsJsonLd';
import { articleDescription } from '@/lib/content/description';
import type { Article } from '@/lib/content/model';
import type { Locale } from '@/lib/i18n/locales';
import { getPathname, Link } from '@/lib/i18n/navigation';
import { pageMetadata } from '@/lib/seo/metadata';
import { siteConfig } from '@/lib/site/config';
import { getArticle, getRelatedArticles } from '@/lib/site/content';
import { getDraftPreview } from '@/lib/preview/draft-article';
import { previewRelatedArticles } from '@/lib/preview/related';
import styles from './pages.module.css';

export const articlePath = (locale: Locale, slug: string) =>
  getPathname({ locale, href: { pathname: '/news/[slug]', params: { slug } } });

/**
 * Looks the article up by slug: a current slug renders, an old slug answers 308 to the current
 * URL, anything else is a 404.
 */
export async function resolveArticle(locale: Locale, slug: string): Promise<Article> {
  const found = await getArticle(locale, slug);
  if (!found) notFound();
  if (found.kind === 'moved') permanentRedirect(articlePath(locale, found.slug));
  return found.article;
}

/**
 * What the article route renders for this request: in Draft Mode with an editor's session, the
 * stored article in any status (a temporary redirect for an old slug, since the slug may still
 * change); for everyone else the public article, as {@link resolveArticle}.
 */
export async function resolveArticleForRequest(locale: Locale, slug: string): Promise<{ article: Article; preview?: ArticlePreview }> {
  const draft = await getDraftPreview(locale, slug);
  if (draft === null) return { article: await resolveArticle(locale, slug) };
  if (draft.found === null) notFound();
  if (draft.found.kind === 'moved') redirect(articlePath(locale, draft.found.slug));
  const { article } = draft.found;
  return { article, preview: { kind: 'draft', articleId: article.id, status: article.status } };
}

/** Metadata for a previewed article: as the public page would have it, but never indexed. */
export function previewArticleMetadata(article: Article): Metadata {
  return { ...metadataFor(article), robots: { index: false, follow: false } };
}

export async function articleMetadata(locale: Locale, slug: string): Promise<Metadata> {
  const draft = await getDraftPreview(locale, slug);
  if (draft !== null) return draft.found?.kind === 'article' ? previewArticleMetadata(draft.found.article) : { robots: { index: false, follow: false } };
  const found = await getArticle(locale, slug);
  if (!found || found.kind !== 'article') return {};
  return metadataFor(found.article);
}

function metadataFor(article: Article): Metadata {
  const locale = article.locale;
  const description = articleDescription(article);
  return pageMetadata({
    locale,
    title: article.title,
    // The intro, or the opening of the body when the article has none.
    ...(description === null ? {} : { description }),
    path: articlePath(locale, article.slug),
    ...(article.leadImage ? { image: { src: article.leadImage.src, alt: article.leadImage.alt } } : {}),
    article: { publishedAt: article.publishedAt, updatedAt: article.updatedAt, section: article.section.name, tags: article.tags.map((tag) => tag.name) },
  });
}

/**
 * The article page, in the order readers expect it (see the anatomy in the README). With
 * `preview` it is the same page under a preview banner, without the live update check (which
 * follows the public version).
 */
export async function ArticlePage({ article, preview }: { article: Article; preview?: ArticlePreview }) {
  const locale = article.locale;
  const [related, t, tNotice] = await Promise.all([
    preview ? previewRelatedArticles(article) : getRelatedArticles(article),
    getTranslations({ locale, namespace: 'ArticlePage' }),
    getTranslations({ locale, namespace: 'UpdateNotice' }),
  ]);
  const publishedAt = article.publishedAt ?? article.updatedAt;

  return (
    <>
      {preview ? <PreviewBanner locale={locale} preview={preview} /> : null}
      <ArticleStructuredData article={article} />
      <article className={styles.article} lang={locale}>
        <header className={styles.articleHeader}>
          <p className={styles.sectionLabel}>
            <Link href={{ pathname: '/section/[slug]', params: { slug: article.section.slug } }}>{article.section.name}</Link>
          </p>
          <h1 className={styles.headline}>{article.title}</h1>
          {article.intro ? <p className={styles.intro}>{article.intro}</p> : null}
          <ArticleByline
            publishedAt={publishedAt}
            updatedAt={article.updatedAt}
            authors={article.authors}
            locale={locale}
            timeZone={siteConfig.timeZone}
          />
        </header>

        {article.leadImage ? (
          <figure className={styles.leadFigure}>
            <div className={styles.leadImage}>
              <Image
                src={article.leadImage.src}
                alt={article.leadImage.alt}
                fill
                priority
                sizes="(min-width: 46rem) 46rem, 100vw"
              />
            </div>
            {article.leadImage.caption || article.leadImage.credit ? (
              <figcaption>
                {article.leadImage.caption}
                {article.leadImage.credit ? <span className={styles.credit}>{article.leadImage.credit}</span> : null}
              </figcaption>
            ) : null}
          </figure>
        ) : null}

        <ArticleBody blocks={article.body} />
        <VideoObjectsJsonLd article={article} />

        {article.tags.length > 0 ? (
          <nav aria-label={t('tagsLabel')}>
            <ul className={styles.tags}>
              {article.tags.map((tag) => (
                <li key={tag.slug}>
                  <Link href={{ pathname: '/tag/[slug]', params: { slug: tag.slug } }}>{tag.name}</Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </article>

      {preview ? null : (
        <QueryProvider>
          <UpdateNotice
            articleId={article.id}
            updatedAt={article.updatedAt}
            path={articlePath(locale, article.slug)}
            labels={updateNoticeLabels(tNotice)}
          />
        </QueryProvider>
      )}

      {related.length > 0 ? (
        <section aria-labelledby="related-heading" className={styles.related}>
          <h2 id="related-heading" className={styles.blockHeading}>
            {t('related')}
          </h2>
          <ArticleList articles={related} locale={locale} timeZone={siteConfig.timeZone} now={new Date()} variant="compact" headingLevel={3} />
        </section>
      ) : null}
    </>
  );
}
