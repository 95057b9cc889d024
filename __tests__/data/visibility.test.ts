/**
 * The public rule, status = 'published' AND published_at <= now, on every public read, with the
 * clock pinned: drafts, scheduled articles and future-dated ones never come out; an article
 * published exactly at `now` does.
 */
import { getTag } from '@/lib/data/taxonomy';
import { getArticleById, getPublicArticle, searchPublicArticles } from '@/lib/data/articles';
import { countPublicArticles, listingPageCursor, type ListingFilter } from '@/lib/data/listing';
import { relatedArticles } from '@/lib/data/related';
import { contentFixture, FIXTURE_NOW, fixtureArticle, LATER_NOW, NL_HIDDEN, NL_PUBLIC_NEWEST_FIRST } from '../fixtures/content';
import { describeEachEngine } from './engines';
import { ids, useContentDatabase, walkListing } from './helpers';

const LISTINGS: Array<[string, ListingFilter]> = [
  ['home', { locale: 'nl' }],
  ['section', { locale: 'nl', section: 'voetbal' }],
  ['tag', { locale: 'nl', tag: 'ajax' }],
  ['tag within a section', { locale: 'nl', tag: 'eredivisie', section: 'voetbal' }],
  ['author', { locale: 'nl', author: 'jan-de-vries' }],
  ['author with video', { locale: 'nl', author: 'fleur-visser', video: true }],
  ['video hub', { locale: 'nl', video: true }],
  ['English home', { locale: 'en' }],
];

const HIDDEN: readonly string[] = [...NL_HIDDEN, 'en-draft'];

describeEachEngine('visibility', (harness) => {
  const database = useContentDatabase(harness);

  describe.each(LISTINGS)('the %s listing', (_name, filter) => {
    it('lists no draft, scheduled or future article, and counts what it lists', async () => {
      const listed = (await walkListing(database(), filter, 2)).flat();
      expect(listed.length).toBeGreaterThan(0);
      expect(ids(listed).filter((id) => HIDDEN.includes(id))).toEqual([]);
      await expect(countPublicArticles(database(), filter, FIXTURE_NOW)).resolves.toBe(listed.length);
      for (const item of listed) expect(Date.parse(item.publishedAt)).toBeLessThanOrEqual(FIXTURE_NOW.getTime());
    });

    it('has no page past the public articles', async () => {
      const count = await countPublicArticles(database(), filter, FIXTURE_NOW);
      await expect(listingPageCursor(database(), filter, count + 1, 1, FIXTURE_NOW)).resolves.toBeUndefined();
    });
  });

  it.each(NL_HIDDEN.map((id) => [id]))('never serves %s at its slug or an earlier one', async (id) => {
    const article = fixtureArticle(id);
    for (const slug of [article.slug, ...(article.previousSlugs ?? [])]) {
      await expect(getPublicArticle(database(), 'nl', slug, FIXTURE_NOW)).resolves.toBeNull();
    }
  });

  it('finds no hidden article in search', async () => {
    for (const query of ['klassieker', 'concept', 'gepland', 'toekomst', 'embargo transfer', 'geheime']) {
      const result = await searchPublicArticles(database(), { locale: 'nl', query, limit: 50, now: FIXTURE_NOW });
      expect(ids(result.items).filter((id) => HIDDEN.includes(id))).toEqual([]);
      expect(result.total).toBe(result.items.length);
    }
    const english = await searchPublicArticles(database(), { locale: 'en', query: 'classic', limit: 50, now: FIXTURE_NOW });
    expect(ids(english.items)).toEqual(['en-ajax-classic']);
  });

  it('relates no hidden article, even one sharing every tag', async () => {
    const article = await getArticleById(database(), 'nl-klassieker');
    if (article === null) throw new Error('fixture article missing');
    const related = await relatedArticles(database(), article, 20, FIXTURE_NOW);
    expect(ids(related).filter((id) => HIDDEN.includes(id))).toEqual([]);
  });

  it('does not reveal a tag that only a draft carries', async () => {
    await expect(getTag(database(), 'geheime-transfer', FIXTURE_NOW)).resolves.toBeNull();
    await expect(getTag(database(), 'atletico-madrid', FIXTURE_NOW)).resolves.toEqual({ slug: 'atletico-madrid', name: 'Atlético Madrid' });
  });

  it('shows the article published exactly at now, and not the one a minute later', async () => {
    const at = new Date('2024-04-30T18:00:00.000Z'); // nl-klassieker's publishedAt; nl-feyenoord-baalt is 21:00
    const home = (await walkListing(database(), { locale: 'nl' }, 50, at)).flat();
    expect(ids(home)[0]).toBe('nl-klassieker');
    await expect(getPublicArticle(database(), 'nl', 'ajax-wint-klassieker', at)).resolves.toMatchObject({ kind: 'article' });
    await expect(getPublicArticle(database(), 'nl', 'ajax-wint-klassieker', new Date(at.getTime() - 1))).resolves.toBeNull();
    await expect(getPublicArticle(database(), 'nl', 'feyenoord-baalt-na-verlies', at)).resolves.toBeNull();
  });

  describe('when the clock passes the future-dated article', () => {
    it('lists, finds, counts and serves it; the draft and the scheduled one stay hidden', async () => {
      const home = ids((await walkListing(database(), { locale: 'nl' }, 5, LATER_NOW)).flat());
      expect(home).toEqual(['nl-toekomst', ...NL_PUBLIC_NEWEST_FIRST]);
      const videos = ids((await walkListing(database(), { locale: 'nl', video: true }, 5, LATER_NOW)).flat());
      expect(videos).toEqual(['nl-toekomst', 'nl-tour-video']);
      await expect(countPublicArticles(database(), { locale: 'nl', tag: 'ajax' }, LATER_NOW)).resolves.toBe(4);
      await expect(getPublicArticle(database(), 'nl', 'toekomst-oud', LATER_NOW)).resolves.toEqual({
        kind: 'moved',
        slug: 'toekomst-klassieker-nabeschouwing',
      });
      const search = await searchPublicArticles(database(), { locale: 'nl', query: 'nabeschouwing', limit: 10, now: LATER_NOW });
      expect(ids(search.items)).toEqual(['nl-toekomst']);
      const article = await getArticleById(database(), 'nl-klassieker');
      if (article === null) throw new Error('fixture article missing');
      expect(ids(await relatedArticles(database(), article, 1, LATER_NOW))).toEqual(['nl-toekomst']);
    });
  });

  it('still gives the editor every article by id, whatever its status', async () => {
    for (const id of HIDDEN) await expect(getArticleById(database(), id)).resolves.toMatchObject({ id });
    expect(contentFixture.articles.length).toBeGreaterThan(HIDDEN.length);
  });
});
