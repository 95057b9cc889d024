/**
 * Every cache tag the app uses, in one place. Cached reads attach tags; writes (import, editor
 * desk, scheduler) revalidate them. Keep the two sides talking through these functions only.
 *
 * The model is deliberately coarse: any change to a locale's public content revalidates that
 * locale's listings (home, sections, tags, authors, video, feeds, sitemaps), and the changed
 * article's own tag. Pages regenerate lazily when next visited, so a coarse tag costs one render
 * per visited page, not a rebuild.
 */
import type { Locale } from '@/lib/i18n/locales';

export const cacheTags = {
  /** Everything public in one locale that lists articles: fronts, listings, feeds, sitemaps. */
  listings: (locale: Locale) => `listings:${locale}`,
  /** One article, by id: its page, its update-check endpoint. */
  article: (id: string) => `article:${id}`,
  /** Slug lookups of one locale (a new or changed slug must not hit a cached 404). */
  slugs: (locale: Locale) => `slugs:${locale}`,
  /** Sections, authors and tags: names in navigation, headers and bylines. */
  taxonomy: () => 'taxonomy',
} as const;

/** Tags to revalidate after articles change; pass every locale and id that was touched. */
export function tagsForArticleChange(changes: ReadonlyArray<{ id: string; locale: Locale }>): string[] {
  const tags = new Set<string>();
  for (const change of changes) {
    tags.add(cacheTags.listings(change.locale));
    tags.add(cacheTags.slugs(change.locale));
    tags.add(cacheTags.article(change.id));
  }
  return [...tags];
}

/**
 * How long a cached public page may be served before it is regenerated even without a tag
 * revalidation, in seconds. A safety net for missed invalidations, not the freshness mechanism.
 */
export const PAGE_REVALIDATE_SECONDS = 3600;

const TAG_PATTERN = /^(?:listings:(?:nl|en)|slugs:(?:nl|en)|article:[a-z0-9][a-z0-9-]{2,63}|taxonomy)$/;

/** True for a tag this app issues; the revalidation endpoint accepts nothing else. */
export function isCacheTag(value: unknown): value is string {
  return typeof value === 'string' && TAG_PATTERN.test(value);
}
