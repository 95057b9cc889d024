import type { Database } from '@/lib/db/connection';
import { addAuthor, listAuthorsForAdmin, removeAuthor, updateAuthor } from '@/lib/desk/admin/authors';
import type { AdminOutcome } from '@/lib/desk/admin/problems';
import { addSection, listSectionsForAdmin, moveSection, removeSection, renameSection } from '@/lib/desk/admin/sections';
import { getAuthor, listSections } from '@/lib/data/taxonomy';
import { applyContent } from '@/lib/data/write';
import { contentFixture, FIXTURE_NOW } from '../fixtures/content';
import { describeEachEngine } from '../data/engines';

const problemsOf = (outcome: AdminOutcome<unknown>) => (outcome.ok ? [] : outcome.problems);
const slugsOf = async (database: Database, locale: 'nl' | 'en') => (await listSections(database, locale)).map((section) => section.slug);

describeEachEngine('managing sections', (harness) => {
  let database: Database;
  beforeEach(async () => {
    database = await harness.fresh();
    await applyContent(database, contentFixture, { now: FIXTURE_NOW });
  });

  it('adds a section at the end of its locale, with a slug made from the name, and revalidates taxonomy and that locale', async () => {
    const outcome = await addSection(database, { locale: 'nl', name: '  Schaatsen & Ijshockey ', slug: '' }, FIXTURE_NOW);
    expect(outcome).toEqual({ ok: true, tags: ['taxonomy', 'listings:nl'], value: { locale: 'nl', slug: 'schaatsen-ijshockey', name: 'Schaatsen & Ijshockey', order: 12 } });
    expect(await slugsOf(database, 'nl')).toEqual(['voetbal', 'wielrennen', 'formule-1', 'schaatsen-ijshockey']);
    expect(await slugsOf(database, 'en')).toEqual(['football', 'cycling']);
  });

  it('stores hostile text as text', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const outcome = await addSection(database, { locale: 'en', name, slug: 'hostile' }, FIXTURE_NOW);
    expect(outcome.ok).toBe(true);
    expect((await listSections(database, 'en')).find((section) => section.slug === 'hostile')?.name).toBe(name);
  });

  it.each<[string, { locale: string; name: string; slug: string }, Array<{ field: string; code: string }>]>([
    ['an empty name', { locale: 'nl', name: '   ', slug: 'x' }, [{ field: 'name', code: 'required' }]],
    ['a name over 80 characters', { locale: 'nl', name: 'x'.repeat(81), slug: 'x' }, [{ field: 'name', code: 'tooLong' }]],
    ['a bad slug', { locale: 'nl', name: 'Golf', slug: 'Golf Baan' }, [{ field: 'slug', code: 'invalidSlug' }]],
    ['a slug the locale already has', { locale: 'nl', name: 'Voetbal 2', slug: 'voetbal' }, [{ field: 'slug', code: 'slugTaken' }]],
    ['an unknown locale', { locale: 'de', name: 'Fussball', slug: 'fussball' }, [{ field: 'locale', code: 'invalid' }]],
  ])('refuses %s and writes nothing', async (_label, input, expected) => {
    const before = await listSectionsForAdmin(database, 'nl');
    const outcome = await addSection(database, input, FIXTURE_NOW);
    expect(problemsOf(outcome)).toEqual(expected.map((problem) => expect.objectContaining(problem)));
    expect(await listSectionsForAdmin(database, 'nl')).toEqual(before);
  });

  it('allows the same slug in the other locale', async () => {
    expect((await addSection(database, { locale: 'en', name: 'Voetbal', slug: 'voetbal' }, FIXTURE_NOW)).ok).toBe(true);
  });

  it('renames a section, keeping its slug and place', async () => {
    expect((await renameSection(database, { locale: 'nl', slug: 'wielrennen', name: 'Wielersport' }, FIXTURE_NOW)).ok).toBe(true);
    expect(await listSections(database, 'nl')).toEqual([
      { slug: 'voetbal', locale: 'nl', name: 'Voetbal', order: 0 },
      { slug: 'wielrennen', locale: 'nl', name: 'Wielersport', order: 1 },
      { slug: 'formule-1', locale: 'nl', name: 'Formule 1', order: 2 },
    ]);
    expect(problemsOf(await renameSection(database, { locale: 'nl', slug: 'golf', name: 'Golf' }, FIXTURE_NOW))).toEqual([{ field: 'form', code: 'notFound' }]);
    expect(problemsOf(await renameSection(database, { locale: 'nl', slug: 'voetbal', name: '' }, FIXTURE_NOW))).toEqual([{ field: 'name', code: 'required' }]);
  });

  it('moves sections up and down, and does nothing past either end', async () => {
    await moveSection(database, { locale: 'nl', slug: 'formule-1', direction: 'up' }, FIXTURE_NOW);
    expect(await slugsOf(database, 'nl')).toEqual(['voetbal', 'formule-1', 'wielrennen']);
    await moveSection(database, { locale: 'nl', slug: 'voetbal', direction: 'down' }, FIXTURE_NOW);
    expect(await slugsOf(database, 'nl')).toEqual(['formule-1', 'voetbal', 'wielrennen']);
    const atTop = await moveSection(database, { locale: 'nl', slug: 'formule-1', direction: 'up' }, FIXTURE_NOW);
    expect(atTop).toEqual({ ok: true, tags: [], value: undefined });
    expect(await slugsOf(database, 'nl')).toEqual(['formule-1', 'voetbal', 'wielrennen']);
    expect(await slugsOf(database, 'en')).toEqual(['football', 'cycling']);
  });

  describe('with imported sections that have no order', () => {
    beforeEach(async () => {
      await applyContent(database, { sections: [{ slug: 'zwemmen', locale: 'nl', name: 'Zwemmen' }, { slug: 'atletiek', locale: 'nl', name: 'Atletiek' }] }, { now: FIXTURE_NOW });
    });

    it('lists them after the ordered sections, by name', async () => {
      expect(await slugsOf(database, 'nl')).toEqual(['voetbal', 'wielrennen', 'formule-1', 'atletiek', 'zwemmen']);
      expect((await listSectionsForAdmin(database, 'nl')).map((section) => section.order)).toEqual([0, 1, 2, null, null]);
    });

    it('adds a new section after the ordered ones, ahead of them', async () => {
      const outcome = await addSection(database, { locale: 'nl', name: 'Golf', slug: '' }, FIXTURE_NOW);
      expect(outcome.ok && outcome.value.order).toBe(12);
      expect(await slugsOf(database, 'nl')).toEqual(['voetbal', 'wielrennen', 'formule-1', 'golf', 'atletiek', 'zwemmen']);
    });

    it('renames one without giving it an order', async () => {
      expect((await renameSection(database, { locale: 'nl', slug: 'zwemmen', name: 'Zwemsport' }, FIXTURE_NOW)).ok).toBe(true);
      expect((await listSections(database, 'nl')).at(-1)).toEqual({ slug: 'zwemmen', locale: 'nl', name: 'Zwemsport', order: null });
    });

    it('gives a moved one its place, and leaves those below it without an order', async () => {
      await moveSection(database, { locale: 'nl', slug: 'atletiek', direction: 'up' }, FIXTURE_NOW);
      expect(await slugsOf(database, 'nl')).toEqual(['voetbal', 'wielrennen', 'atletiek', 'formule-1', 'zwemmen']);
      expect((await listSections(database, 'nl')).map((section) => section.order)).toEqual([0, 10, 20, 30, null]);
      await moveSection(database, { locale: 'nl', slug: 'formule-1', direction: 'down' }, FIXTURE_NOW);
      expect(await slugsOf(database, 'nl')).toEqual(['voetbal', 'wielrennen', 'atletiek', 'zwemmen', 'formule-1']);
      expect((await listSections(database, 'nl')).map((section) => section.order)).toEqual([0, 10, 20, 30, 40]);
    });
  });

  it('refuses to remove a section that holds articles, drafts included, and says how many', async () => {
    const sections = await listSectionsForAdmin(database, 'nl');
    const voetbal = sections.find((section) => section.slug === 'voetbal');
    expect(voetbal?.articles).toBeGreaterThan(0);
    expect(await removeSection(database, { locale: 'nl', slug: 'voetbal' })).toEqual({
      ok: false,
      problems: [{ field: 'form', code: 'inUse', params: { count: voetbal?.articles } }],
    });
    // The English fixture's only article in `cycling`… is none: `football` holds the draft.
    const english = await listSectionsForAdmin(database, 'en');
    expect(english.find((section) => section.slug === 'football')?.articles).toBeGreaterThan(0);
    expect((await removeSection(database, { locale: 'en', slug: 'football' })).ok).toBe(false);
  });

  it('removes an empty section', async () => {
    await addSection(database, { locale: 'nl', name: 'Golf', slug: '' }, FIXTURE_NOW);
    expect(await removeSection(database, { locale: 'nl', slug: 'golf' })).toEqual({ ok: true, tags: ['taxonomy', 'listings:nl'], value: undefined });
    expect(await slugsOf(database, 'nl')).not.toContain('golf');
    expect(problemsOf(await removeSection(database, { locale: 'nl', slug: 'golf' }))).toEqual([{ field: 'form', code: 'notFound' }]);
  });
});

describeEachEngine('managing authors', (harness) => {
  let database: Database;
  beforeEach(async () => {
    database = await harness.fresh();
    await applyContent(database, contentFixture, { now: FIXTURE_NOW });
  });

  it('adds an author with a media library image and revalidates taxonomy and both locales', async () => {
    const image = `/media/${'ab'.repeat(16)}.webp`;
    const outcome = await addAuthor(database, { name: 'Noor El Amrani', slug: '', bio: ' Tennis. ', image }, FIXTURE_NOW);
    expect(outcome).toEqual({
      ok: true,
      tags: ['taxonomy', 'listings:nl', 'listings:en'],
      value: { slug: 'noor-el-amrani', name: 'Noor El Amrani', bio: 'Tennis.', image },
    });
    expect(await getAuthor(database, 'noor-el-amrani')).toEqual({ slug: 'noor-el-amrani', name: 'Noor El Amrani', bio: 'Tennis.', image });
  });

  it.each<[string, { name: string; slug: string; bio: string; image: string }, Array<{ field: string; code: string }>]>([
    ['an empty name', { name: '', slug: 'x', bio: '', image: '' }, [{ field: 'name', code: 'required' }]],
    ['a bio over 2000 characters', { name: 'A', slug: 'a', bio: 'x'.repeat(2001), image: '' }, [{ field: 'bio', code: 'tooLong' }]],
    ['a javascript: image', { name: 'A', slug: 'a', bio: '', image: 'javascript:alert(1)' }, [{ field: 'image', code: 'invalidSrc' }]],
    ['a protocol-relative image', { name: 'A', slug: 'a', bio: '', image: '//evil.example/x.png' }, [{ field: 'image', code: 'invalidSrc' }]],
    ['a taken slug', { name: 'Jan', slug: 'jan-de-vries', bio: '', image: '' }, [{ field: 'slug', code: 'slugTaken' }]],
    ['a bad slug', { name: 'Jan', slug: 'Jan!', bio: '', image: '' }, [{ field: 'slug', code: 'invalidSlug' }]],
  ])('refuses %s', async (_label, input, expected) => {
    const outcome = await addAuthor(database, input, FIXTURE_NOW);
    expect(problemsOf(outcome)).toEqual(expected.map((problem) => expect.objectContaining(problem)));
  });

  it('edits name, bio and image; an empty image removes it; the slug stays', async () => {
    const outcome = await updateAuthor(database, { slug: 'fleur-visser', name: 'Fleur Visser-de Wit', bio: 'Wielrennen en schaatsen.', image: '' }, FIXTURE_NOW);
    expect(outcome.ok).toBe(true);
    expect(await getAuthor(database, 'fleur-visser')).toEqual({ slug: 'fleur-visser', name: 'Fleur Visser-de Wit', bio: 'Wielrennen en schaatsen.', image: null });
    const unchanged = await updateAuthor(database, { slug: 'fleur-visser', name: 'Fleur Visser-de Wit', bio: 'Wielrennen en schaatsen.', image: '' }, FIXTURE_NOW);
    expect(unchanged).toMatchObject({ ok: true, tags: [] });
    expect(problemsOf(await updateAuthor(database, { slug: 'nobody', name: 'X', bio: '', image: '' }, FIXTURE_NOW))).toEqual([{ field: 'form', code: 'notFound' }]);
  });

  it.each([
    ['left empty', ''],
    ['left blank', ' \n '],
  ])('stores a bio %s as none, on adding and on editing', async (_label, bio) => {
    const added = await addAuthor(database, { name: 'Tessa van Loon', slug: '', bio, image: '' }, FIXTURE_NOW);
    expect(added).toMatchObject({ ok: true, value: { slug: 'tessa-van-loon', bio: null } });
    expect(await getAuthor(database, 'tessa-van-loon')).toEqual({ slug: 'tessa-van-loon', name: 'Tessa van Loon', bio: null, image: null });

    await updateAuthor(database, { slug: 'fleur-visser', name: 'Fleur Visser', bio, image: '' }, FIXTURE_NOW);
    expect((await getAuthor(database, 'fleur-visser'))?.bio).toBeNull();
    const again = await updateAuthor(database, { slug: 'fleur-visser', name: 'Fleur Visser', bio: '', image: '' }, FIXTURE_NOW);
    expect(again).toMatchObject({ ok: true, tags: [] });
  });

  it('refuses to remove an author named by articles, and removes one who is not', async () => {
    const authors = await listAuthorsForAdmin(database);
    const jan = authors.find((author) => author.slug === 'jan-de-vries');
    expect(jan?.articles).toBeGreaterThan(0);
    expect(await removeAuthor(database, { slug: 'jan-de-vries' })).toEqual({ ok: false, problems: [{ field: 'form', code: 'inUse', params: { count: jan?.articles } }] });
    expect(await getAuthor(database, 'jan-de-vries')).not.toBeNull();

    await addAuthor(database, { name: 'Tijdelijk', slug: '', bio: '', image: '' }, FIXTURE_NOW);
    expect((await removeAuthor(database, { slug: 'tijdelijk' })).ok).toBe(true);
    expect(await getAuthor(database, 'tijdelijk')).toBeNull();
  });
});
