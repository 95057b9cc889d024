import Image from 'next/image';
import { getTranslations } from 'next-intl/server';
import { ArticleList } from '@/components/listing/ArticleList';
import { ArticleStructuredData } from '@/components/seo/ArticleStructuredData';
import { PreviewBanner, type ArticlePreview } from '@/components/preview/PreviewBanner';
import { QueryProvider } from '@/components/providers/QueryProvider.client';
import { VideoObjectsJsonLd } from '@/components/video/VideoObjectsJsonLd';
import type { Article, ArticleSummary } from '@/lib/content/model';
import { getPathname, Link } from '@/lib/i18n/navigation';
import { siteConfig } from '@/lib/site/config';
import { ArticleBody } from './ArticleBody';
import { ArticleByline } from './ArticleByline';
import { UpdateNotice } from './UpdateNotice.client';
import { updateNoticeLabels } from './updateNoticeLabels';
import styles from './ArticlePage.module.css';

interface ArticlePageProps {
  article: Article;
  /** What to read next, as the route read it. */
  related: ArticleSummary[];
  preview?: ArticlePreview;
}

/**
 * The article page, in the order readers expect it (see the anatomy in the README). With
 * `preview` it is the same page under a preview banner, without the live update check (which
 * follows the public version). The route reads the article and what is related to it; this only
 * renders them.
 */
export async function ArticlePage({ article, related, preview }: ArticlePageProps) {
  const locale = article.locale;
  const [t, tNotice] = await Promise.all([
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
            path={getPathname({ locale, href: { pathname: '/news/[slug]', params: { slug: article.slug } } })}
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
