/**
 * Search: ranking, accents, highlights with sentinels, paging, and user text that must never be
 * read as query syntax.
 */
import { searchPublicArticles } from '@/lib/data/articles';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '@/lib/data/highlight';
import { applyContent } from '@/lib/data/write';
import { contentFixture, FIXTURE_NOW } from '../fixtures/content';
import { describeEachEngine } from './engines';
import { ids, useContentDatabase } from './helpers';

const mark = (word: string) => `${HIGHLIGHT_START}${word}${HIGHLIGHT_END}`;

describeEachEngine('search', (harness) => {
  const database = useContentDatabase(harness);
  const search = (query: string, options: { limit?: number; offset?: number; locale?: 'nl' | 'en' } = {}) =>
    searchPublicArticles(database(), { locale: options.locale ?? 'nl', query, limit: options.limit ?? 20, offset: options.offset, now: FIXTURE_NOW });

  it('ranks a match in the title above a match in the body only', async () => {
    // nl-klassieker has "klassieker" in its title; nl-feyenoord-baalt (newer) only in its body.
    const result = await search('klassieker');
    expect(ids(result.items)).toEqual(['nl-klassieker', 'nl-feyenoord-baalt']);
    expect(result.total).toBe(2);
  });

  it('marks matched words with sentinels, in the whole title and in an excerpt', async () => {
    const [first, second] = (await search('klassieker')).items;
    expect(first?.highlight.title).toBe(`Ajax wint de ${mark('klassieker')} tegen Feyenoord`);
    expect(second?.highlight.title).toBe('Feyenoord baalt na verlies in Amsterdam');
    expect(second?.highlight.snippet).toContain(mark('klassieker'));
    expect(second?.highlight.snippet).not.toMatch(/[<>]/);
    // The result is a full summary too.
    expect(first).toMatchObject({ slug: 'ajax-wint-klassieker', section: { slug: 'voetbal', name: 'Voetbal' }, hasVideo: false });
  });

  it.each(['atletico', 'Atlético', 'ATLETICO', 'atlético madrid'])('ignores accents and case: %j finds Atlético', async (query) => {
    const result = await search(query);
    expect(ids(result.items)).toEqual(['nl-atletico']);
    expect(result.items[0]?.highlight.title).toContain(mark('Atlético'));
  });

  it('ranks shorter matching documents first when the match is equally strong', async () => {
    await expect(search('ajax').then((result) => ids(result.items))).resolves.toEqual(['nl-ajax-eredivisie', 'nl-klassieker']);
  });

  it('requires every word', async () => {
    await expect(search('ajax ranglijst').then((result) => ids(result.items))).resolves.toEqual(['nl-ajax-eredivisie']);
    await expect(search('ajax giro').then((result) => result.total)).resolves.toBe(0);
  });

  it('searches one locale at a time', async () => {
    await expect(search('klassieker', { locale: 'en' }).then((result) => result.total)).resolves.toBe(0);
    await expect(search('classic', { locale: 'en' }).then((result) => ids(result.items))).resolves.toEqual(['en-ajax-classic']);
  });

  describe('a query of stopwords only, which PostgreSQL drops from its index', () => {
    it.each([
      ['the', 'en', ['en-ajax-classic', 'en-tour-video', 'en-verstappen']],
      ['THE', 'en', ['en-ajax-classic', 'en-tour-video', 'en-verstappen']],
      ['the a', 'en', ['en-ajax-classic', 'en-tour-video', 'en-verstappen']],
      ['and', 'en', ['en-tour-video']],
      ['de en', 'nl', ['nl-tour-video']],
      ['het', 'nl', ['nl-ajax-fans-fietsen', 'nl-feyenoord-baalt', 'nl-klassieker']],
    ] as const)('%j (%s) finds the articles that have every word, as SQLite does', async (query, locale, expected) => {
      const result = await search(query, { locale });
      // Ranking formulas differ between the engines (bm25, ts_rank); what matches does not.
      expect(ids(result.items).sort()).toEqual(expected);
      expect(result.total).toBe(expected.length);
    });

    it('ranks a stopword in the title above one in the intro only', async () => {
      const result = await search('the', { locale: 'en' });
      expect(ids(result.items).at(-1)).toBe('en-verstappen');
      expect(result.items.find((item) => item.id === 'en-ajax-classic')?.highlight.title).toBe(`Ajax win ${mark('the')} classic against Feyenoord`);
    });

    it('finds Dutch stopwords as words too, and marks them', async () => {
      const result = await search('de', { limit: 50 });
      // Every public Dutch fixture article with "de" in its title, intro or body.
      expect(result.total).toBeGreaterThanOrEqual(5);
      const titled = result.items.find((item) => item.id === 'nl-klassieker');
      expect(titled?.highlight.title).toBe(`Ajax wint ${mark('de')} klassieker tegen Feyenoord`);
      // Drafts, scheduled and embargoed articles stay out, as in any search.
      expect(ids(result.items).filter((id) => /concept|gepland|toekomst|embargo/.test(id))).toEqual([]);
    });

    it('pages and counts within its bounds', async () => {
      const all = await search('the', { locale: 'en' });
      const second = await search('the', { locale: 'en', limit: 1, offset: 1 });
      expect(ids(second.items)).toEqual(ids(all.items).slice(1, 2));
      const bounded = await searchPublicArticles(database(), { locale: 'en', query: 'the', limit: 20, now: FIXTURE_NOW, bounds: { ranked: 100, counted: 2 } });
      expect({ total: bounded.total, totalCapped: bounded.totalCapped }).toEqual({ total: 2, totalCapped: true });
    });
  });

  it('counts up to its bound and then says there are more', async () => {
    // "ajax" matches two public nl articles.
    const bounded = (counted: number) =>
      searchPublicArticles(database(), { locale: 'nl', query: 'ajax', limit: 20, now: FIXTURE_NOW, bounds: { ranked: 100, counted } });
    await expect(bounded(1).then(({ total, totalCapped }) => ({ total, totalCapped }))).resolves.toEqual({ total: 1, totalCapped: true });
    await expect(bounded(2).then(({ total, totalCapped }) => ({ total, totalCapped }))).resolves.toEqual({ total: 2, totalCapped: false });
    // The items are not cut by the count bound.
    await expect(bounded(1).then((result) => result.items.length)).resolves.toBe(2);
  });

  it('ranks only the newest matches when told to bound the ranking, and counts no more than it ranks', async () => {
    // Unbounded, the shorter nl-ajax-eredivisie outranks nl-klassieker; with one candidate only the
    // newest match is ranked (rowid order in SQLite = insertion order, which follows the fixture's dates).
    const bounded = await searchPublicArticles(database(), { locale: 'nl', query: 'ajax', limit: 20, now: FIXTURE_NOW, bounds: { ranked: 1, counted: 100 } });
    expect(bounded.items).toHaveLength(1);
    // "More than 1 result", not "2 results" above a list that can only ever show one.
    expect({ total: bounded.total, totalCapped: bounded.totalCapped }).toEqual({ total: 1, totalCapped: true });
    const second = await searchPublicArticles(database(), { locale: 'nl', query: 'ajax', limit: 1, offset: 1, now: FIXTURE_NOW, bounds: { ranked: 1, counted: 100 } });
    expect(second.items).toEqual([]);
  });

  it('pages with limit and offset and keeps the total', async () => {
    const all = await search('giro');
    expect(all.total).toBe(2);
    const second = await search('giro', { limit: 1, offset: 1 });
    expect(second.total).toBe(2);
    expect(ids(second.items)).toEqual(ids(all.items).slice(1));
    await expect(search('giro', { offset: 50 }).then((result) => result)).resolves.toEqual({ items: [], total: 2, totalCapped: false });
  });

  describe('over 45 matches, in pages of 20', () => {
    const many = useContentDatabase(harness, {
      sections: contentFixture.sections,
      authors: contentFixture.authors,
      articles: Array.from({ length: 47 }, (_, i) => ({
        id: `nl-wedstrijd-${i}`,
        locale: 'nl' as const,
        slug: `wedstrijd-${i}`,
        // Two of them are drafts: they match the word but are not counted or listed.
        status: i < 45 ? ('published' as const) : ('draft' as const),
        title: `Wedstrijdverslag nummer ${i}`,
        intro: i % 3 === 0 ? 'Een verslag van de middag.' : 'Kort nieuws.',
        section: 'voetbal',
        authors: ['jan-de-vries'],
        publishedAt: new Date(Date.UTC(2024, 3, 1, 0, i)).toISOString(),
        body: [{ type: 'paragraph' as const, text: `Tekst ${i} over de wedstrijdverslag${i % 2 === 0 ? ' en meer' : ''}.` }],
      })),
    });
    const page = (offset: number) => searchPublicArticles(many(), { locale: 'nl', query: 'wedstrijdverslag', limit: 20, offset, now: FIXTURE_NOW });

    it('lists on every page the count promises exactly what the count says, and nothing after', async () => {
      const pages = await Promise.all([0, 20, 40, 60].map(page));
      expect(pages.map((result) => result.total)).toEqual([45, 45, 45, 45]);
      expect(pages.map((result) => result.items.length)).toEqual([20, 20, 5, 0]);
      const listed = pages.flatMap((result) => ids(result.items));
      expect(new Set(listed).size).toBe(45);
      expect(listed.every((id) => Number(id.split('-').at(-1)) < 45)).toBe(true);
    });

    it('counts to its bound, and every counted match can be paged to', async () => {
      for (const bounds of [
        { ranked: 30, counted: 1000 },
        { ranked: 1000, counted: 30 },
        { ranked: 30, counted: 30 },
      ]) {
        const first = await searchPublicArticles(many(), { locale: 'nl', query: 'wedstrijdverslag', limit: 20, now: FIXTURE_NOW, bounds });
        expect({ total: first.total, totalCapped: first.totalCapped }).toEqual({ total: 30, totalCapped: true });
        const last = await searchPublicArticles(many(), { locale: 'nl', query: 'wedstrijdverslag', limit: 20, offset: 20, now: FIXTURE_NOW, bounds });
        expect(last.items.length).toBeGreaterThan(0);
      }
    });
  });

  it.each(['', '   ', '!!!', '"', '*', '-', '()', '\u0000'])('gives an empty result for %j, without error', async (query) => {
    await expect(search(query)).resolves.toEqual({ items: [], total: 0, totalCapped: false });
  });

  it.each([
    '"',
    '""ajax',
    'ajax"',
    "ajax'",
    '*',
    'ajax*',
    'NEAR(',
    'NEAR(ajax eredivisie)',
    'ajax OR',
    'OR ajax',
    'ajax AND NOT',
    '-ajax',
    'ajax -eredivisie',
    '+ajax',
    'title:ajax',
    '{title}: ajax',
    '^ajax',
    'ajax)',
    '(ajax',
    '\\ajax',
    "ajax'; drop table articles; --",
    'ajax <script>',
    'ajax\u0002',
    '🙂 ajax',
    'ajax '.repeat(200),
    'x'.repeat(10_000),
  ])('treats %j as plain words: never throws', async (query) => {
    const result = await search(query);
    expect(Array.isArray(result.items)).toBe(true);
    expect(result.total).toBeGreaterThanOrEqual(result.items.length);
  });

  it('reads operators in user text as plain words, so "-ajax", "ajax*" and "(ajax)" mean "ajax"', async () => {
    const plain = ids((await search('ajax')).items);
    expect(plain.length).toBeGreaterThan(0);
    for (const query of ['-ajax', '"ajax', 'ajax*', '(ajax)', '^ajax', '+ajax']) {
      expect(ids((await search(query)).items)).toEqual(plain);
    }
  });

  it('keeps highlight sentinels that are in the content itself out of the result', async () => {
    const own = await harness.fresh();
    const forged = `${HIGHLIGHT_START}nep${HIGHLIGHT_END}`;
    await applyContent(
      own,
      {
        sections: contentFixture.sections,
        authors: contentFixture.authors,
        articles: [
          {
            id: 'nl-sentinel',
            locale: 'nl',
            slug: 'sentinel',
            status: 'published',
            title: `Een ${forged} doelpunt`,
            intro: `Intro ${forged}.`,
            section: 'voetbal',
            authors: ['jan-de-vries'],
            publishedAt: '2024-04-01T00:00:00Z',
            body: [{ type: 'paragraph', text: `Tekst ${forged} doelpunt.` }],
          },
        ],
      },
      { now: FIXTURE_NOW },
    );
    const [hit] = (await searchPublicArticles(own, { locale: 'nl', query: 'doelpunt', limit: 5, now: FIXTURE_NOW })).items;
    expect(hit?.highlight.title).toBe(`Een nep ${mark('doelpunt')}`);
    expect(hit?.highlight.snippet).not.toContain(forged);
  });
});
