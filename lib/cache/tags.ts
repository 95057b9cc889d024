/**
 * Every cache tag the app uses, in one place. Cached reads attach tags; writes (import, editor
 * desk, scheduler) revalidate them. Keep the two sides talking through these functions only.
 *
 * A read depends on what it shows, so a write expires only what changed:
 * - an article page depends on its slug (`slug:<locale>:<slug>`): whatever article holds that slug,
 *   or held it (an old slug redirects), or the 404 when none does. A write to an article expires
 *   every slug it has had, and no other article's page;
 * - fronts, listings, feeds and sitemaps depend on their locale's `listings` tag, which every
 *   public change expires;
 * - names of sections, authors and tags (navigation, bylines, headers) depend on `taxonomy`.
 * Blocks that show other articles on an article page ("related") carry no tag: they refresh on
 * their own shorter lifetime (RELATED_REVALIDATE_SECONDS), served stale while they re-render, so a
 * publish does not re-render the archive.
 */
import type { Locale } from '@/lib/i18n/locales';

export const cacheTags = {
  /** Everything public in one locale that lists articles: fronts, listings, feeds, sitemaps. */
  listings: (locale: Locale) => `listings:${locale}`,
  /** One article, by id: its page, its update-check endpoint. */
  article: (id: string) => `article:${id}`,
  /** The article page at one slug of one locale: the article, the redirect of an old slug, or the 404. */
  slug: (locale: Locale, slug: string) => `slug:${locale}:${slug}`,
  /** Sections, authors and tags: names in navigation, headers and bylines. */
  taxonomy: () => 'taxonomy',
} as const;

/** An article that a write touched, with every slug it has had in its locale (the current one included). */
export interface ArticleChange {
  id: string;
  locale: Locale;
  slugs: readonly string[];
}

/** Tags to revalidate after articles change; pass every article that was touched. */
export function tagsForArticleChange(changes: ReadonlyArray<ArticleChange>): string[] {
  const tags = new Set<string>();
  for (const change of changes) {
    tags.add(cacheTags.listings(change.locale));
    tags.add(cacheTags.article(change.id));
    for (const slug of change.slugs) tags.add(cacheTags.slug(change.locale, slug));
  }
  return [...tags];
}

/**
 * How long a cached public page may be served before it is regenerated even without a tag
 * revalidation, in seconds. A safety net for missed invalidations, not the freshness mechanism.
 */
export const PAGE_REVALIDATE_SECONDS = 3600;

/**
 * How long a block listing other articles on an article page (related articles) is kept before it
 * is read again, in seconds. Such blocks are not expired by publishing (see above); a page showing
 * one is served stale once after this and re-rendered in the background.
 */
export const RELATED_REVALIDATE_SECONDS = 600;

const TAG_PATTERN = /^(?:listings:(?:nl|en)|slug:(?:nl|en):[a-z0-9]+(?:-[a-z0-9]+)*|article:[a-z0-9][a-z0-9-]{2,63}|taxonomy)$/;
/** Next refuses tags longer than this. */
const TAG_MAX_LENGTH = 256;

/** True for a tag this app issues; the revalidation endpoint accepts nothing else. */
export function isCacheTag(value: unknown): value is string {
  return typeof value === 'string' && value.length <= TAG_MAX_LENGTH && TAG_PATTERN.test(value);
}
