/**
 * schema.org structured data (JSON-LD) for news pages, as Google reads it:
 * NewsArticle and BreadcrumbList on articles, WebSite (with a SearchAction) and Organization on the
 * home fronts, ProfilePage on author pages. Serialise with `serializeJsonLd` (lib/seo/video.ts),
 * which escapes `<` so that no text can close the `<script>` element.
 *
 * Pure builders: the caller passes the site (origin, name, zone, logo) and the pages' paths, so
 * nothing here reads configuration, the clock or the router.
 *
 * Times: `datePublished` and `dateModified` are written as the wall-clock time in the site's zone
 * with its offset (`2022-05-03T14:38:00+02:00`), the same instants and the same clock time the
 * byline shows (lib/dates/format.ts `bylineTimes`). `dateModified` is the last editorial update
 * (`updatedAt`), never the render time; when the byline shows no update (lib/content/updates.ts:
 * none after publication) it equals `datePublished`.
 *
 * `description` is lib/content/description.ts's: the intro, or the opening of the body.
 */
import { articleDescription } from '@/lib/content/description';
import type { Article, Author } from '@/lib/content/model';
import { lastModified } from '@/lib/content/updates';
import { isoInZone } from '@/lib/dates/format';

export { isoInZone };
import type { Locale } from '@/lib/i18n/locales';

export interface StructuredDataImage {
  /** A path under the site or an absolute URL. */
  src: string;
  width: number;
  height: number;
}

export interface StructuredDataSite {
  /** The public origin, without a trailing slash (siteConfig.url). */
  url: string;
  /** The publication's name (siteConfig.name). */
  name: string;
  /** The site's IANA zone (siteConfig.timeZone). */
  timeZone: string;
  /** The publisher logo: at most 600×60, as Google recommends for news publishers. */
  logo: StructuredDataImage;
  /** The image of an article that has none of its own (Google requires at least one). */
  fallbackImage: StructuredDataImage;
}

/** Paths (or absolute URLs) of the pages an article's structured data links to. */
export interface ArticleLinks {
  home: string;
  article: string;
  section: string;
  author: (slug: string) => string;
}

export type JsonLdObject = { '@context'?: 'https://schema.org'; '@type': string } & Record<string, unknown>;

const absolute = (site: StructuredDataSite, pathOrUrl: string) => new URL(pathOrUrl, `${site.url}/`).toString();


/** The article's publication and last-update instants as the byline shows them. */
export function articleDates(article: Pick<Article, 'publishedAt' | 'updatedAt'>, timeZone: string): { datePublished: string; dateModified: string } {
  const published = article.publishedAt ?? article.updatedAt;
  return { datePublished: isoInZone(published, timeZone), dateModified: isoInZone(lastModified(article), timeZone) };
}

function imageObject(site: StructuredDataSite, image: StructuredDataImage): JsonLdObject {
  return { '@type': 'ImageObject', url: absolute(site, image.src), width: image.width, height: image.height };
}

/** The publisher: the site as a NewsMediaOrganization with its logo. */
export function organizationJsonLd(site: StructuredDataSite): JsonLdObject {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsMediaOrganization',
    '@id': `${site.url}/#organization`,
    name: site.name,
    url: `${site.url}/`,
    logo: imageObject(site, site.logo),
  };
}

/** NewsArticle: headline, description, images, dates, authors with their pages, publisher, section, tags. */
export function newsArticleJsonLd(article: Article, site: StructuredDataSite, links: ArticleLinks): JsonLdObject {
  const url = absolute(site, links.article);
  const description = articleDescription(article);
  const publisher = { '@type': 'NewsMediaOrganization', name: site.name, url: `${site.url}/`, logo: imageObject(site, site.logo) };
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: article.title,
    ...(description === null ? {} : { description }),
    image: [absolute(site, article.leadImage?.src ?? site.fallbackImage.src)],
    ...articleDates(article, site.timeZone),
    author: article.authors.map((author) => ({ '@type': 'Person', name: author.name, url: absolute(site, links.author(author.slug)) })),
    publisher,
    articleSection: article.section.name,
    ...(article.tags.length > 0 ? { keywords: article.tags.map((tag) => tag.name) } : {}),
    inLanguage: article.locale,
    isAccessibleForFree: true,
  };
}

/** BreadcrumbList: home → section → article. */
export function articleBreadcrumbJsonLd(article: Pick<Article, 'title' | 'section'>, site: StructuredDataSite, links: ArticleLinks): JsonLdObject {
  const crumbs = [
    { name: site.name, url: links.home },
    { name: article.section.name, url: links.section },
    { name: article.title, url: links.article },
  ];
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({ '@type': 'ListItem', position: index + 1, name: crumb.name, item: absolute(site, crumb.url) })),
  };
}

/**
 * WebSite with a SearchAction: `searchPath` is the locale's search page (`/zoeken`, `/en/search`),
 * and `{search_term_string}` goes in its `q` parameter.
 */
export function webSiteJsonLd(site: StructuredDataSite, { locale, homePath, searchPath }: { locale: Locale; homePath: string; searchPath: string }): JsonLdObject {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': `${absolute(site, homePath)}#website`,
    name: site.name,
    url: absolute(site, homePath),
    inLanguage: locale,
    publisher: { '@id': `${site.url}/#organization` },
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${absolute(site, searchPath)}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

/** ProfilePage whose main entity is the author as a Person. */
export function profilePageJsonLd(author: Author, site: StructuredDataSite, { locale, path }: { locale: Locale; path: string }): JsonLdObject {
  const url = absolute(site, path);
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url,
    inLanguage: locale,
    mainEntity: {
      '@type': 'Person',
      '@id': `${url}#person`,
      name: author.name,
      url,
      ...(author.bio ? { description: author.bio } : {}),
      ...(author.image ? { image: absolute(site, author.image) } : {}),
    },
  };
}
