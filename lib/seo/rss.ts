/**
 * RSS 2.0 feeds (https://www.rssboard.org/rss-specification), with an Atom self link and Media
 * RSS for the lead image.
 *
 * Pure: callers pass absolute URLs and ISO 8601 instants. Dates are written in RFC 822 form in
 * GMT (`Tue, 03 May 2022 12:38:00 GMT`), which every reader parses and which does not depend on the
 * server's zone. The lead image is a `media:content` rather than an `enclosure`, because an
 * enclosure requires the file's length in bytes, which the content model does not know.
 *
 * Editor text goes into elements that RSS readers render as HTML by convention (the channel's and
 * items' `title` and `description`, and `category`): that text is escaped for HTML and then for
 * XML ({@link htmlTextElement}), so `<img src=x onerror=…>` in an intro reaches the reader as those
 * characters, never as an element. `media:description` says `type="plain"`, so it is escaped once.
 */
import { isoInstant } from '@/lib/dates/format';
import { emptyElement, htmlTextElement, parentElement, textElement, XML_DECLARATION } from './xml';

export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';
export const MEDIA_NAMESPACE = 'http://search.yahoo.com/mrss/';

export interface RssChannel {
  title: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  link: string;
  /** Absolute URL of the feed itself (atom:link rel="self"). */
  selfUrl: string;
  description: string;
  /** RFC 1766 language tag: `nl-NL`, `en-GB`. */
  language: string;
}

export interface RssCategory {
  name: string;
  /** Absolute URL of the category's page (section or tag listing). */
  domain?: string;
}

export interface RssImage {
  /** Absolute URL. */
  url: string;
  /** MIME type, e.g. `image/webp`; see {@link imageMimeType}. */
  type?: string;
  /** Alternative text. */
  description?: string;
}

export interface RssItem {
  title: string;
  /** Absolute URL of the article. */
  link: string;
  /**
   * A stable identifier. With `isPermaLink` it must be the article's URL; otherwise any string that
   * never changes for the article (a URL changes when an editor changes the slug).
   */
  guid: { value: string; isPermaLink: boolean };
  /** Plain text (escaped for the reader's HTML here); left out when the article has nothing to describe it (RSS requires a title or a description, not both). */
  description?: string;
  /** ISO 8601 instant with a zone. */
  publishedAt: string;
  categories: readonly RssCategory[];
  image?: RssImage;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const two = (n: number) => String(n).padStart(2, '0');

/**
 * RFC 822 date-time (with a four-digit year, as RSS 2.0 allows) in GMT:
 * `2022-05-03T14:38:00+02:00` → `Tue, 03 May 2022 12:38:00 GMT`. Built by hand so that the day and
 * month names never depend on a locale.
 */
export function rfc822(value: string | Date): string {
  const date = new Date(isoInstant(value));
  return `${DAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${two(
    date.getUTCHours(),
  )}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} GMT`;
}

const MIME_TYPES: Record<string, string> = {
  avif: 'image/avif',
  gif: 'image/gif',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  svg: 'image/svg+xml',
  webp: 'image/webp',
};

/** The MIME type of an image from its file extension (ignoring any query), or undefined if unknown. */
export function imageMimeType(src: string): string | undefined {
  const path = src.split(/[?#]/, 1)[0] ?? '';
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : MIME_TYPES[extension];
}

function itemXml(item: RssItem): string {
  const children = [
    htmlTextElement('title', item.title),
    textElement('link', item.link),
    textElement('guid', item.guid.value, { isPermaLink: item.guid.isPermaLink ? 'true' : 'false' }),
    textElement('pubDate', rfc822(item.publishedAt)),
    ...(item.description === undefined ? [] : [htmlTextElement('description', item.description)]),
    ...item.categories.map((category) => htmlTextElement('category', category.name, { domain: category.domain })),
  ];
  if (item.image) {
    const { url, type, description } = item.image;
    children.push(
      description
        ? parentElement('media:content', [textElement('media:description', description, { type: 'plain' })], { url, type, medium: 'image' })
        : emptyElement('media:content', { url, type, medium: 'image' }),
    );
  }
  return parentElement('item', children);
}

/**
 * An RSS 2.0 document. `lastBuildDate` is the newest item's publication (not the render time), so
 * an unchanged feed is byte-identical and readers and caches see no change.
 */
export function buildRss(channel: RssChannel, items: readonly RssItem[]): string {
  const newest = items.reduce<number | undefined>((max, item) => {
    const ms = Date.parse(isoInstant(item.publishedAt));
    return max === undefined || ms > max ? ms : max;
  }, undefined);
  const head = [
    htmlTextElement('title', channel.title),
    textElement('link', channel.link),
    htmlTextElement('description', channel.description),
    textElement('language', channel.language),
    emptyElement('atom:link', { href: channel.selfUrl, rel: 'self', type: 'application/rss+xml' }),
    ...(newest === undefined ? [] : [textElement('lastBuildDate', rfc822(new Date(newest)))]),
  ];
  return [
    XML_DECLARATION,
    `<rss version="2.0" xmlns:atom="${ATOM_NAMESPACE}" xmlns:media="${MEDIA_NAMESPACE}">`,
    '<channel>',
    ...head,
    ...items.map(itemXml),
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}
