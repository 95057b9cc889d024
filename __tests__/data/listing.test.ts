/**
 * Listings: filters, keyset pagination over ties, numbered-page cursors and cursor validation.
 */
import type { ArticleInput } from '@/lib/content/model';
import { slugify } from '@/lib/content/slug';
import { countPublicArticles, listingPageCursor, listPublicArticles, type ListingFilter } from '@/lib/data/listing';
import { encodeCursor, InvalidCursorError } from '@/lib/data/cursor';
import { FIXTURE_NOW, generatedListing, NL_PUBLIC_NEWEST_FIRST } from '../fixtures/content';
import { describeEachEngine } from './engines';
import { ids, useContentDatabase, walkListing } from './helpers';

describeEachEngine('listings', (harness) => {
  describe('filters (fixture content)', () => {
    const database = useContentDatabase(harness);

    it.each<[string, ListingFilter, string[]]>([
      ['the home listing: newest first, ties on published time by id', { locale: 'nl' }, [...NL_PUBLIC_NEWEST_FIRST]],
      ['a section', { locale: 'nl', section: 'wielrennen' }, ['nl-ajax-fans-fietsen', 'nl-tour-video', 'nl-gelijk-b', 'nl-gelijk-a']],
      ['a tag, in one locale only', { locale: 'nl', tag: 'ajax' }, ['nl-klassieker', 'nl-ajax-fans-fietsen', 'nl-ajax-eredivisie']],
      ['the same tag in English', { locale: 'en', tag: 'ajax' }, ['en-ajax-classic']],
      ['a tag within a section', { locale: 'nl', tag: 'ajax', section: 'voetbal' }, ['nl-klassieker', 'nl-ajax-eredivisie']],
      ['a tag and an author', { locale: 'nl', tag: 'eredivisie', author: 'sanne-bakker' }, ['nl-feyenoord-baalt']],
      ['an author (co-author included)', { locale: 'nl', author: 'sanne-bakker' }, ['nl-feyenoord-baalt', 'nl-atletico', 'nl-verstappen']],
      ['an author within a section', { locale: 'nl', author: 'sanne-bakker', section: 'formule-1' }, ['nl-verstappen']],
      ['the video hub', { locale: 'nl', video: true }, ['nl-tour-video']],
      ['articles without video in a section', { locale: 'nl', section: 'wielrennen', video: false }, ['nl-ajax-fans-fietsen', 'nl-gelijk-b', 'nl-gelijk-a']],
      ['an unknown tag', { locale: 'nl', tag: 'bestaat-niet' }, []],
    ])('lists %s', async (_name, filter, expected) => {
      const page = await listPublicArticles(database(), { ...filter, limit: 50, now: FIXTURE_NOW });
      expect(ids(page.items)).toEqual(expected);
      expect(page.nextCursor).toBeNull();
      await expect(countPublicArticles(database(), filter, FIXTURE_NOW)).resolves.toBe(expected.length);
    });

    it('returns summaries in the content model shape, times in UTC', async () => {
      const { items } = await listPublicArticles(database(), { locale: 'nl', limit: 2, now: FIXTURE_NOW });
      expect(items[1]).toEqual({
        id: 'nl-klassieker',
        locale: 'nl',
        slug: 'ajax-wint-klassieker',
        title: 'Ajax wint de klassieker tegen Feyenoord',
        intro: 'Een doelpunt in de slotminuut beslist de topper in Amsterdam.',
        section: { slug: 'voetbal', name: 'Voetbal' },
        publishedAt: '2024-04-30T18:00:00.000Z',
        updatedAt: '2024-04-30T20:15:00.000Z',
        leadImage: { src: '/images/klassieker.jpg', alt: 'Spelers van Ajax juichen', caption: 'Vreugde in de Johan Cruijff ArenA', credit: 'ANP' },
        hasVideo: false,
      });
    });

    it.each([
      [0, 1],
      [2.7, 2],
      [-5, 1],
    ])('clamps a limit of %p to %p', async (limit, size) => {
      const { items } = await listPublicArticles(database(), { locale: 'nl', limit, now: FIXTURE_NOW });
      expect(items).toHaveLength(size);
    });

    it.each([
      ['not base64url', 'niet geldig!'],
      ['empty', ''],
      ['random bytes', 'AAAAAAAA'],
      ['JSON', Buffer.from('{"publishedAt":1,"id":"x"}').toString('base64url')],
      ['a non-numeric time', Buffer.from('1:abc:nl-klassieker').toString('base64url')],
      ['an unknown version', Buffer.from('2:1714500000000:nl-klassieker').toString('base64url')],
      ['an id with capitals', Buffer.from('1:1714500000000:NL-klassieker').toString('base64url')],
      ['a padded spelling', `${encodeCursor({ publishedAt: 1714500000000, id: 'nl-klassieker' })}=`],
      ['a time beyond 2^53', Buffer.from('1:99999999999999999:nl-klassieker').toString('base64url')],
      ['something very long', 'A'.repeat(5000)],
    ])('rejects a cursor that is %s with InvalidCursorError', async (_name, cursor) => {
      await expect(listPublicArticles(database(), { locale: 'nl', cursor, limit: 5, now: FIXTURE_NOW })).rejects.toBeInstanceOf(InvalidCursorError);
    });

    it('accepts a well-formed cursor for a row that does not exist (it is only a position)', async () => {
      const cursor = encodeCursor({ publishedAt: Date.parse('2024-04-29T00:00:00Z'), id: 'zzz' });
      const { items } = await listPublicArticles(database(), { locale: 'nl', cursor, limit: 50, now: FIXTURE_NOW });
      expect(ids(items)).toEqual(NL_PUBLIC_NEWEST_FIRST.slice(4));
    });
  });

  describe('keyset pagination (57 generated articles, published times in runs of equal values)', () => {
    const content = generatedListing(57, 4);
    const database = useContentDatabase(harness, content);
    const articles = content.articles ?? [];

    /** What a listing must contain, computed from the input alone. */
    const expected = (filter: ListingFilter): string[] =>
      articles
        .filter((article) => article.status === 'published' && article.publishedAt !== undefined && Date.parse(article.publishedAt) <= FIXTURE_NOW.getTime())
        .filter((article) => filter.section === undefined || article.section === filter.section)
        .filter((article) => filter.author === undefined || article.authors.includes(filter.author))
        .filter((article) => filter.tag === undefined || (article.tags ?? []).some((name) => slugify(name) === filter.tag))
        .filter((article) => filter.video === undefined || article.body.some((block) => block.type === 'video') === filter.video)
        .sort((a, b) => Date.parse(b.publishedAt ?? '') - Date.parse(a.publishedAt ?? '') || (a.id ?? '').localeCompare(b.id ?? '') * -1)
        .map((article: ArticleInput) => article.id ?? '');

    const FILTERS: Array<[string, ListingFilter]> = [
      ['home', { locale: 'nl' }],
      ['section', { locale: 'nl', section: 'wielrennen' }],
      ['tag', { locale: 'nl', tag: 'ajax' }],
      ['author', { locale: 'nl', author: 'sanne-bakker' }],
      ['video', { locale: 'nl', video: true }],
      ['tag + section + video', { locale: 'nl', tag: 'eredivisie', section: 'voetbal', video: true }],
    ];

    describe.each(FILTERS)('the %s listing', (_name, filter) => {
      it.each([1, 3, 7, 50])('walks every article exactly once, in order, %i per page', async (size) => {
        const pages = await walkListing(database(), filter, size);
        const walked = ids(pages.flat());
        expect(walked).toEqual(expected(filter));
        expect(new Set(walked).size).toBe(walked.length);
        // Every page but the last is full; an exact multiple ends with a full page, not an empty one.
        for (const page of pages.slice(0, -1)) expect(page).toHaveLength(size);
        expect(pages.at(-1)?.length).toBeGreaterThan(expected(filter).length === 0 ? -1 : 0);
      });

      it('gives numbered pages that start exactly where walking reaches them', async () => {
        const size = 4;
        const pages = await walkListing(database(), filter, size);
        const count = await countPublicArticles(database(), filter, FIXTURE_NOW);
        expect(count).toBe(expected(filter).length);
        const pageCount = Math.max(1, Math.ceil(count / size));
        expect(pages).toHaveLength(pageCount);

        await expect(listingPageCursor(database(), filter, 1, size, FIXTURE_NOW)).resolves.toBeNull();
        for (let page = 2; page <= pageCount; page++) {
          const cursor = await listingPageCursor(database(), filter, page, size, FIXTURE_NOW);
          expect(typeof cursor).toBe('string');
          const { items } = await listPublicArticles(database(), { ...filter, cursor, limit: size, now: FIXTURE_NOW });
          expect(ids(items)).toEqual(ids(pages[page - 1] ?? []));
        }
        await expect(listingPageCursor(database(), filter, pageCount + 1, size, FIXTURE_NOW)).resolves.toBeUndefined();
        await expect(listingPageCursor(database(), filter, 10_000, size, FIXTURE_NOW)).resolves.toBeUndefined();
      });
    });

    it('pages stay disjoint when an article is published between two page loads', async () => {
      const first = await listPublicArticles(database(), { locale: 'nl', limit: 5, now: FIXTURE_NOW });
      // Later, the future-dated articles have become public; the cursor still continues after page 1.
      const later = new Date(FIXTURE_NOW.getTime() + 2 * 3_600_000);
      const second = await listPublicArticles(database(), { locale: 'nl', cursor: first.nextCursor, limit: 5, now: later });
      expect(ids(second.items).filter((id) => ids(first.items).includes(id))).toEqual([]);
      expect(ids(second.items)).toEqual(expected({ locale: 'nl' }).slice(5, 10));
    });

    it.each([0, -1, 1.5, Number.NaN])('refuses page number %p', async (page) => {
      await expect(listingPageCursor(database(), { locale: 'nl' }, page, 10, FIXTURE_NOW)).rejects.toBeInstanceOf(RangeError);
    });
  });
});
