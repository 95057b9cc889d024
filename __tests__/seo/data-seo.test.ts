/**
 * The public reads behind the sitemaps and feeds (lib/data/seo.ts), on both engines, with the
 * clock pinned: they list public articles only, in the sitemaps' order.
 */
import { countPublicArticleUrls, listArticleSitemapLastmods, listFeedArticles, listListingSitemapEntries, listPublicArticleUrls, listRecentPublicArticles } from '@/lib/data/seo';
import { lastModified } from '@/lib/content/updates';
import { getPublicArticle } from '@/lib/data/articles';
import { publishDueArticles } from '@/lib/publishing/scheduler';
import { FIXTURE_NOW, fixtureArticle, NL_HIDDEN, NL_PUBLIC_NEWEST_FIRST } from '../fixtures/content';
import { readValidFixture, REAL_WORLD_AFTER, REAL_WORLD_FILE } from '../fixtures/import/builders';
import { describeEachEngine } from '../data/engines';
import { useContentDatabase } from '../data/helpers';

const HIDDEN_SLUGS = [...NL_HIDDEN, 'en-draft'].map((id) => fixtureArticle(id).slug);
const PUBLIC_COUNT = NL_PUBLIC_NEWEST_FIRST.length + 3;
const TWO_DAYS = 2 * 24 * 60 * 60 * 1000;

describeEachEngine('SEO reads', (harness) => {
  const database = useContentDatabase(harness);

  it('article URLs: every public article of both locales, newest first, nothing hidden', async () => {
    expect(await countPublicArticleUrls(database(), FIXTURE_NOW)).toBe(PUBLIC_COUNT);
    const all = await listPublicArticleUrls(database(), { offset: 0, limit: 1000, now: FIXTURE_NOW });
    expect(all).toHaveLength(PUBLIC_COUNT);
    expect(all.filter((entry) => HIDDEN_SLUGS.includes(entry.slug))).toEqual([]);
    expect(new Set(all.map((entry) => entry.locale))).toEqual(new Set(['nl', 'en']));
    expect(all.filter((entry) => entry.locale === 'nl').map((entry) => entry.slug)).toEqual(NL_PUBLIC_NEWEST_FIRST.map((id) => fixtureArticle(id).slug));
    const klassieker = all.find((entry) => entry.slug === fixtureArticle('nl-klassieker').slug);
    expect(klassieker?.lastModified).toBe('2024-04-30T20:15:00.000Z');

    const slices = [];
    for (let offset = 0; offset < PUBLIC_COUNT; offset += 5) slices.push(...(await listPublicArticleUrls(database(), { offset, limit: 5, now: FIXTURE_NOW })));
    expect(slices).toEqual(all);
  });

  it('one lastmod per sitemap part: the newest update among its articles', async () => {
    const all = await listPublicArticleUrls(database(), { offset: 0, limit: 1000, now: FIXTURE_NOW });
    const lastmods = await listArticleSitemapLastmods(database(), 5, FIXTURE_NOW);
    expect(lastmods).toHaveLength(Math.ceil(PUBLIC_COUNT / 5));
    lastmods.forEach((lastmod, part) => {
      const newest = Math.max(...all.slice(part * 5, part * 5 + 5).map((entry) => Date.parse(entry.lastModified)));
      expect(lastmod).toBe(new Date(newest).toISOString());
    });
  });

  it('news candidates: published in the window, not after now, newest first', async () => {
    const recent = await listRecentPublicArticles(database(), { since: new Date(FIXTURE_NOW.getTime() - TWO_DAYS), limit: 1000, now: FIXTURE_NOW });
    expect(recent.map((entry) => entry.slug)).toEqual(
      ['nl-feyenoord-baalt', 'en-ajax-classic', 'nl-klassieker', 'nl-atletico'].map((id) => fixtureArticle(id).slug),
    );
    expect(recent.every((entry) => Date.parse(entry.publishedAt) <= FIXTURE_NOW.getTime())).toBe(true);
  });

  it('listings: homes, video hubs and all sections per locale; only tags and authors with public articles', async () => {
    const entries = await listListingSitemapEntries(database(), ['nl', 'en'], FIXTURE_NOW);
    expect(entries.homes.map((entry) => entry.locale)).toEqual(['nl', 'en']);
    expect(entries.homes[0]?.lastmod).toBeDefined();
    expect(entries.videoHubs.map((entry) => entry.locale)).toEqual(['nl', 'en']);
    expect(entries.sections.map((entry) => `${entry.locale}/${entry.slug}`)).toEqual(['nl/voetbal', 'nl/wielrennen', 'nl/formule-1', 'en/football', 'en/cycling']);
    const tags = entries.tags.map((entry) => `${entry.locale}/${entry.slug}`);
    expect(tags).toContain('nl/ajax');
    expect(tags).toContain('en/ajax');
    expect(tags).not.toContain('nl/geheime-transfer');
    expect(entries.authors.map((entry) => `${entry.locale}/${entry.slug}`)).toContain('en/emma-jones');
    expect(entries.authors.map((entry) => `${entry.locale}/${entry.slug}`)).not.toContain('nl/emma-jones');
  });

  it('feed articles carry their tags and authors in order, and respect the section', async () => {
    const feed = await listFeedArticles(database(), { locale: 'nl', limit: 50, now: FIXTURE_NOW });
    expect(feed.map((article) => article.id)).toEqual([...NL_PUBLIC_NEWEST_FIRST]);
    const klassieker = feed.find((article) => article.id === 'nl-klassieker');
    expect(klassieker?.tags.map((tag) => tag.name)).toEqual(['Ajax', 'Feyenoord', 'Eredivisie']);
    expect(klassieker?.authors.map((author) => author.slug)).toEqual(['jan-de-vries']);
    const section = await listFeedArticles(database(), { locale: 'nl', section: 'wielrennen', limit: 50, now: FIXTURE_NOW });
    expect(section.length).toBeGreaterThan(0);
    expect(section.every((article) => article.section.slug === 'wielrennen')).toBe(true);
  });
});

describeEachEngine('SEO reads of real content (no intro, no order, an edit before a scheduled publication)', (harness) => {
  const database = useContentDatabase(harness, readValidFixture(REAL_WORLD_FILE));
  beforeAll(async () => {
    await publishDueArticles(database(), REAL_WORLD_AFTER);
  });

  it('describes a feed item without an intro by the opening of its first paragraph, cut on a word', async () => {
    const feed = await listFeedArticles(database(), { locale: 'nl', limit: 50, now: REAL_WORLD_AFTER });
    const estafette = feed.find((item) => item.id === 'real-world-estafette');
    expect(estafette?.intro).toBeNull();
    expect(estafette?.description).toBe(
      'De vier zwemsters van de 4x100 meter vrije slag plaatsten zich vrijdagavond in Dijkstad voor de finale, in een tijd die niemand van de ploeg vooraf had durven…',
    );
  });

  it('dates a sitemap URL by its publication when the last edit came before it', async () => {
    const urls = await listPublicArticleUrls(database(), { offset: 0, limit: 10, now: REAL_WORLD_AFTER });
    expect(urls.find((entry) => entry.slug === 'marathon-dijkstad-gaat-door')?.lastModified).toBe('2024-06-16T05:00:00.000Z');
    await expect(listArticleSitemapLastmods(database(), 10, REAL_WORLD_AFTER)).resolves.toEqual(['2024-06-16T05:00:00.000Z']);
    const listings = await listListingSitemapEntries(database(), ['nl'], REAL_WORLD_AFTER);
    expect(listings.homes).toEqual([{ locale: 'nl', lastmod: '2024-06-16T05:00:00.000Z' }]);
  });

  it('states the same rule in SQL as lib/content/updates.ts does', async () => {
    const urls = await listPublicArticleUrls(database(), { offset: 0, limit: 10, now: REAL_WORLD_AFTER });
    expect(urls.length).toBe(2);
    for (const entry of urls) {
      const found = await getPublicArticle(database(), entry.locale, entry.slug, REAL_WORLD_AFTER);
      if (found?.kind !== 'article') throw new Error(`${entry.slug} is not public`);
      expect(entry.lastModified).toBe(lastModified(found.article));
    }
  });

  it('lists sections in navigation order: ordered first, then the others by name', async () => {
    const listings = await listListingSitemapEntries(database(), ['nl'], REAL_WORLD_AFTER);
    expect(listings.sections.map((entry) => entry.slug)).toEqual(['voetbal', 'atletiek', 'zwemmen']);
  });
});
