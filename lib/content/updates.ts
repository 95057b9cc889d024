/**
 * When an article counts as updated for readers: the one rule behind the byline's "Laatste update",
 * structured data's `dateModified`, Open Graph's `article:modified_time`, feeds and sitemaps.
 *
 * `updatedAt` is the last substantive edit, and it may lie before `publishedAt`: a scheduled article
 * is usually written, edited and only then published. Such an edit is part of the first version
 * readers see, so it is no update. An update shows only when it is strictly after publication; until
 * then the page's last change is its publication.
 *
 * lib/data/seo.ts states the same rule in SQL for sitemap `lastmod` aggregates (`lastModifiedSql`),
 * and a test holds the two together.
 */

/** An ISO 8601 instant with a zone, or a Date. */
type When = string | Date;

const epochMs = (value: When): number => (typeof value === 'string' ? Date.parse(value) : value.getTime());

/** True when `updatedAt` is strictly after `publishedAt`; never for an article without a publication time. */
export function isUpdatedAfterPublication(publishedAt: When | null, updatedAt: When): boolean {
  return publishedAt !== null && epochMs(updatedAt) > epochMs(publishedAt);
}

/** The update readers see ("Laatste update"), or null when there is none to show. */
export function shownUpdate<T extends When>(article: { publishedAt: When | null; updatedAt: T }): T | null {
  return isUpdatedAfterPublication(article.publishedAt, article.updatedAt) ? article.updatedAt : null;
}

/**
 * When the page last changed for readers: the shown update, else the publication. A draft that was
 * never given a publication time (only ever seen in a preview) falls back to `updatedAt`.
 */
export function lastModified<T extends When>(article: { publishedAt: T | null; updatedAt: T }): T {
  return shownUpdate(article) ?? article.publishedAt ?? article.updatedAt;
}
