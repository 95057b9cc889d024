/**
 * Builds the Metadata object for a page: title, description, canonical URL, language alternates,
 * the RSS feeds, Open Graph and Twitter cards, and robots. Every public page goes through here so
 * that canonical, hreflang and social-card rules live in one place.
 *
 * Next merges metadata shallowly: a page's `openGraph` replaces the layout's whole, so every page
 * gets a complete card from here rather than relying on the layout.
 */
import type { Metadata } from 'next';
import { locales, type Locale } from '@/lib/i18n/locales';
import { siteConfig } from '@/lib/site/config';
import { localeFeedPath } from './feed-paths';
import { SITE_CARD } from './site-assets';
import { articleDates } from './structured-data';

/** Open Graph locale of each site locale. */
export const OPEN_GRAPH_LOCALES: Record<Locale, string> = { nl: 'nl_NL', en: 'en_GB' };

export interface PageImage {
  /** A path under the site or an absolute URL. */
  src: string;
  alt: string;
  width?: number;
  height?: number;
}

/** What an article page adds to its card (og:type article). */
export interface ArticleMetadata {
  /** ISO 8601 instants with a zone, as the data layer returns them. */
  publishedAt: string | null;
  updatedAt: string;
  section: string;
  tags: readonly string[];
}

export interface FeedLink {
  title: string;
  /** The feed's path, e.g. "/rubriek/voetbal/feed.xml". */
  path: string;
}

export interface PageMetadataInput {
  locale: Locale;
  title: string;
  description?: string;
  /** The page's own path (with its page query for page 2+), e.g. "/rubriek/voetbal?pagina=2". */
  path: string;
  /** Paths of the same page in each locale, only where the page really exists in both. */
  languages?: Partial<Record<Locale, string>>;
  /** The default-language version for x-default; defaults to the Dutch path. */
  xDefault?: string;
  /** Keep the page out of search results (search results, previews); links are still followed. */
  noindex?: boolean;
  /** The social card image; the site card when absent. */
  image?: PageImage;
  /** Set on article pages: og:type article with its times, section and tags. */
  article?: ArticleMetadata;
  /** Feeds besides the locale's own feed, which every page links; e.g. a section page's feed. */
  feeds?: readonly FeedLink[];
}

export function absoluteUrl(path: string): string {
  return new URL(path, `${siteConfig.url}/`).toString();
}

export function pageMetadata(input: PageMetadataInput): Metadata {
  const languages: Record<string, string> = {};
  if (input.languages && Object.keys(input.languages).length > 1) {
    for (const [locale, path] of Object.entries(input.languages)) languages[locale] = absoluteUrl(path);
    languages['x-default'] = absoluteUrl(input.xDefault ?? input.languages.nl ?? input.path);
  }
  const canonical = absoluteUrl(input.path);
  const image = input.image ?? { src: SITE_CARD.src, alt: siteConfig.name, width: SITE_CARD.width, height: SITE_CARD.height };
  const ogImage = {
    url: absoluteUrl(image.src),
    alt: image.alt,
    ...(image.width === undefined ? {} : { width: image.width }),
    ...(image.height === undefined ? {} : { height: image.height }),
  };
  const feeds = [{ title: siteConfig.name, path: localeFeedPath(input.locale) }, ...(input.feeds ?? [])];
  const alternateLocale = locales
    .filter((locale) => locale !== input.locale && input.languages?.[locale] !== undefined && Object.keys(languages).length > 0)
    .map((locale) => OPEN_GRAPH_LOCALES[locale]);
  const common = {
    title: input.title,
    ...(input.description ? { description: input.description } : {}),
    url: canonical,
    siteName: siteConfig.name,
    locale: OPEN_GRAPH_LOCALES[input.locale],
    ...(alternateLocale.length > 0 ? { alternateLocale } : {}),
    images: [ogImage],
  };
  const article = input.article;
  const dates = article ? articleDates(article, siteConfig.timeZone) : null;

  return {
    title: input.title,
    description: input.description,
    alternates: {
      canonical,
      ...(Object.keys(languages).length ? { languages } : {}),
      types: { 'application/rss+xml': feeds.map((feed) => ({ title: feed.title, url: absoluteUrl(feed.path) })) },
    },
    openGraph:
      article && dates
        ? {
            ...common,
            type: 'article',
            publishedTime: dates.datePublished,
            modifiedTime: dates.dateModified,
            section: article.section,
            tags: [...article.tags],
          }
        : { ...common, type: 'website' },
    // Only the card type: X reads title, description and image from the Open Graph tags when its own
    // are absent, so repeating them would cost every page four tags in the HTML and again in the
    // RSC payload for nothing.
    twitter: { card: 'summary_large_image' },
    robots: input.noindex ? { index: false, follow: true } : { index: true, follow: true, 'max-image-preview': 'large' },
  };
}
