import type { Article } from '@/lib/content/model';
import { getPathname } from '@/lib/i18n/navigation';
import { structuredDataSite } from '@/lib/seo/site-assets';
import { articleBreadcrumbJsonLd, newsArticleJsonLd, type ArticleLinks } from '@/lib/seo/structured-data';
import { JsonLd } from './JsonLd';

/** NewsArticle and BreadcrumbList (home → section → article) for an article page. */
export function ArticleStructuredData({ article }: { article: Article }) {
  const { locale } = article;
  const links: ArticleLinks = {
    home: getPathname({ locale, href: '/' }),
    article: getPathname({ locale, href: { pathname: '/news/[slug]', params: { slug: article.slug } } }),
    section: getPathname({ locale, href: { pathname: '/section/[slug]', params: { slug: article.section.slug } } }),
    author: (slug) => getPathname({ locale, href: { pathname: '/author/[slug]', params: { slug } } }),
  };
  const site = structuredDataSite();
  return (
    <>
      <JsonLd data={newsArticleJsonLd(article, site, links)} />
      <JsonLd data={articleBreadcrumbJsonLd(article, site, links)} />
    </>
  );
}
