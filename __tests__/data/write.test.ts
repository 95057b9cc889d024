/**
 * applyContent: creates, updates, idempotence, slug history, the denormalized listing copies,
 * conflicts and all-or-nothing transactions. Every test writes to a database of its own.
 */
import { ContentFileSchema, type ArticleInput, type ContentFile } from '@/lib/content/model';
import { countAllArticles, getArticleById, getPublicArticle } from '@/lib/data/articles';
import { countPublicArticles, listPublicArticles } from '@/lib/data/listing';
import { getAuthor, listSections } from '@/lib/data/taxonomy';
import { applyContent, ContentWriteError, getKnownReferences } from '@/lib/data/write';
import type { Database } from '@/lib/db/connection';
import { contentFixture, FIXTURE_NOW, fixtureArticle } from '../fixtures/content';
import { describeEachEngine, type EngineHarness } from './engines';
import { contentSnapshot, ids, writeFingerprint } from './helpers';

async function fixtureDatabase(harness: EngineHarness): Promise<Database> {
  const database = await harness.fresh();
  await applyContent(database, contentFixture, { now: FIXTURE_NOW });
  return database;
}

const only = (...articles: ArticleInput[]): ContentFile => ({ articles });

/** The same value with every object's keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([key, child]) => [key, reverseKeys(child)]),
  );
}

/** Checked, not cast: the reordered value must still be a content file (zod would reorder a copy). */
function isContentFile(value: unknown): value is ContentFile {
  return ContentFileSchema.safeParse(value).success;
}

describeEachEngine('applyContent', (harness) => {
  it('creates everything and reports each article in input order', async () => {
    const database = await harness.fresh();
    const result = await applyContent(database, contentFixture, { now: FIXTURE_NOW });
    expect(result.articles).toEqual(
      contentFixture.articles.map((article) => ({ id: article.id, locale: article.locale, slug: article.slug, action: 'created' })),
    );
    await expect(countAllArticles(database)).resolves.toBe(contentFixture.articles.length);
  });

  it('changes nothing when the same content is applied again, whatever its key order', async () => {
    const database = await fixtureDatabase(harness);
    const before = await writeFingerprint(database);
    const reversed = reverseKeys(contentFixture);
    if (!isContentFile(reversed)) throw new Error('reordering broke the fixture');
    expect(JSON.stringify(reversed)).not.toBe(JSON.stringify(contentFixture));
    for (const content of [contentFixture, reversed]) {
      const again = await applyContent(database, content, { now: new Date('2030-01-01T00:00:00Z') });
      expect(new Set(again.articles.map((article) => article.action))).toEqual(new Set(['unchanged']));
    }
    await expect(writeFingerprint(database)).resolves.toBe(before);
    await expect(getArticleById(database, 'nl-concept')).resolves.toMatchObject({ updatedAt: FIXTURE_NOW.toISOString() });
  });

  it('updates only the article that changed', async () => {
    const database = await fixtureDatabase(harness);
    const edited = { ...fixtureArticle('nl-atletico'), title: 'Atlético Madrid stunt in de Champions League' };
    const result = await applyContent(database, { articles: contentFixture.articles.map((article) => (article.id === 'nl-atletico' ? edited : article)) });
    expect(result.articles.filter((article) => article.action !== 'unchanged')).toEqual([
      { id: 'nl-atletico', locale: 'nl', slug: 'atletico-madrid-verrast', action: 'updated' },
    ]);
    await expect(getArticleById(database, 'nl-atletico')).resolves.toMatchObject({ title: edited.title });
  });

  it('keeps the old slug as history when a slug changes, so the old URL redirects', async () => {
    const database = await fixtureDatabase(harness);
    await applyContent(database, only({ ...fixtureArticle('nl-klassieker'), slug: 'ajax-verslaat-feyenoord' }));
    for (const old of ['ajax-wint-klassieker', 'ajax-wint']) {
      await expect(getPublicArticle(database, 'nl', old, FIXTURE_NOW)).resolves.toEqual({ kind: 'moved', slug: 'ajax-verslaat-feyenoord' });
    }
    const moved = await getPublicArticle(database, 'nl', 'ajax-verslaat-feyenoord', FIXTURE_NOW);
    expect(moved?.kind === 'article' && moved.article.previousSlugs).toEqual(['ajax-wint', 'ajax-wint-klassieker']);
    // Going back to an earlier slug is allowed: it is the article's own.
    await applyContent(database, only(fixtureArticle('nl-klassieker')));
    await expect(getPublicArticle(database, 'nl', 'ajax-verslaat-feyenoord', FIXTURE_NOW)).resolves.toEqual({ kind: 'moved', slug: 'ajax-wint-klassieker' });
  });

  it('moves an article in and out of the tag and author listings when its status changes', async () => {
    const database = await fixtureDatabase(harness);
    const tagListing = { locale: 'nl' as const, tag: 'feyenoord' };
    const authorListing = { locale: 'nl' as const, author: 'jan-de-vries' };
    const publish = { ...fixtureArticle('nl-concept'), status: 'published' as const, publishedAt: '2024-04-30T23:00:00Z' };
    const unpublish = { ...fixtureArticle('nl-klassieker'), status: 'draft' as const };
    await applyContent(database, only(publish, unpublish));

    const byTag = await listPublicArticles(database, { ...tagListing, limit: 20, now: FIXTURE_NOW });
    expect(ids(byTag.items)).toEqual(['nl-concept', 'nl-feyenoord-baalt']);
    await expect(countPublicArticles(database, tagListing, FIXTURE_NOW)).resolves.toBe(2);
    const byAuthor = await listPublicArticles(database, { ...authorListing, limit: 20, now: FIXTURE_NOW });
    expect(ids(byAuthor.items)).toEqual(['nl-concept', 'nl-atletico', 'nl-ajax-eredivisie']);
    await expect(getPublicArticle(database, 'nl', 'ajax-wint-klassieker', FIXTURE_NOW)).resolves.toBeNull();
  });

  it('matches an article without id by its locale and current slug', async () => {
    const database = await fixtureDatabase(harness);
    const { id: _id, ...withoutId } = fixtureArticle('nl-verstappen');
    const result = await applyContent(database, only({ ...withoutId, intro: 'Weer de snelste.' }));
    expect(result.articles).toEqual([{ id: 'nl-verstappen', locale: 'nl', slug: 'verstappen', action: 'updated' }]);
  });

  it('gives a new article without id a generated one', async () => {
    const database = await fixtureDatabase(harness);
    const { id: _id, ...withoutId } = fixtureArticle('nl-verstappen');
    const result = await applyContent(database, only({ ...withoutId, slug: 'verstappen-wint' }));
    expect(result.articles[0]).toMatchObject({ slug: 'verstappen-wint', action: 'created' });
    expect(result.articles[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('creates tags from names by slug, once, keeping the first name', async () => {
    const database = await fixtureDatabase(harness);
    await applyContent(database, only({ ...fixtureArticle('nl-atletico'), tags: ['Real Madrid', 'real madrid!', 'ATLÉTICO MADRID'] }));
    await expect(getArticleById(database, 'nl-atletico')).resolves.toMatchObject({
      tags: [
        { slug: 'real-madrid', name: 'Real Madrid' },
        { slug: 'atletico-madrid', name: 'Atlético Madrid' },
      ],
    });
  });

  it('upserts sections and authors', async () => {
    const database = await fixtureDatabase(harness);
    await applyContent(database, {
      sections: [{ slug: 'formule-1', locale: 'nl', name: 'Formule 1 en meer', order: 0 }],
      authors: [{ slug: 'fleur-visser', name: 'Fleur Visser', bio: 'Koers.' }],
    });
    expect((await listSections(database, 'nl')).map((section) => [section.slug, section.name])).toEqual([
      ['formule-1', 'Formule 1 en meer'],
      ['voetbal', 'Voetbal'],
      ['wielrennen', 'Wielrennen'],
    ]);
    await expect(getAuthor(database, 'fleur-visser')).resolves.toEqual({ slug: 'fleur-visser', name: 'Fleur Visser', bio: 'Koers.', image: null });
  });

  it('reports what the database knows, for the import validator', async () => {
    const database = await fixtureDatabase(harness);
    const known = await getKnownReferences(database);
    expect([...known.sections].sort()).toEqual(['en/cycling', 'en/football', 'nl/formule-1', 'nl/voetbal', 'nl/wielrennen']);
    expect([...known.authors].sort()).toEqual(['emma-jones', 'fleur-visser', 'jan-de-vries', 'sanne-bakker']);
    expect(known.articleSlugs.get('nl/ajax-wint')).toBe('nl-klassieker');
    expect(known.articleSlugs.get('nl/ajax-wint-klassieker')).toBe('nl-klassieker');
    expect(known.articleSlugs.get('en/verstappen')).toBe('en-verstappen');
    expect(known.articleSlugs.size).toBe(contentFixture.articles.length + 2);
  });

  const article = (overrides: Partial<ArticleInput>): ArticleInput => ({ ...fixtureArticle('nl-verstappen'), ...overrides });

  it.each<[string, ContentFile, string, RegExp]>([
    [
      'two articles of the file claim one slug',
      only(article({ id: 'nieuw-1', slug: 'dubbel' }), article({ id: 'nieuw-2', slug: 'dubbel' })),
      'articles[1].slug',
      /"dubbel" \(nl\) already belongs to article "nieuw-1"/,
    ],
    ['a new article takes an earlier slug of another', only(article({ id: 'nieuw-1', slug: 'ajax-wint' })), 'articles[0].slug', /belongs to article "nl-klassieker"/],
    [
      'an article claims the current slug of another as its history',
      only(article({ previousSlugs: ['ajax-wint-klassieker'] })),
      'articles[0].previousSlugs[0]',
      /belongs to article "nl-klassieker"/,
    ],
    ['an article without id names an earlier slug', only(article({ id: undefined, slug: 'ajax-wint' })), 'articles[0].slug', /earlier slug of article "nl-klassieker"/],
    ['an article changes locale', only(article({ locale: 'en', section: 'football' })), 'articles[0].locale', /cannot change locale/],
    ['the section does not exist', only(article({ section: 'tennis' })), 'articles[0].section', /unknown section "tennis" for nl/],
    ['the section exists in another locale only', only(article({ section: 'football' })), 'articles[0].section', /unknown section "football" for nl/],
    ['an author does not exist', only(article({ authors: ['sanne-bakker', 'niemand'] })), 'articles[0].authors[1]', /unknown author "niemand"/],
  ])('refuses content where %s, naming the field, and writes nothing', async (_case, content, path, message) => {
    const database = await fixtureDatabase(harness);
    const before = await contentSnapshot(database);
    const attempt = applyContent(database, { sections: [{ slug: 'tennis-nieuw', locale: 'nl', name: 'Tennis', order: 9 }], ...content });
    await expect(attempt).rejects.toBeInstanceOf(ContentWriteError);
    await expect(attempt).rejects.toMatchObject({ path, message: expect.stringMatching(message) });
    await expect(contentSnapshot(database)).resolves.toBe(before);
  });

  it('writes nothing at all when the database refuses a row halfway through', async () => {
    const database = await harness.fresh();
    const good = fixtureArticle('nl-atletico');
    // Published without a time: lib/content/validate.ts stops this; here the database's check does.
    const { publishedAt: _publishedAt, ...untimed } = fixtureArticle('nl-verstappen');
    // Matched by message: better-sqlite3's error objects come from the first test file's realm and
    // fail Jest's cross-realm `toThrow` check.
    await expect(
      applyContent(database, { sections: contentFixture.sections, authors: contentFixture.authors, articles: [good, untimed] }, { now: FIXTURE_NOW }),
    ).rejects.toMatchObject({ message: expect.stringContaining('articles_public_has_time') });
    await expect(countAllArticles(database)).resolves.toBe(0);
    const known = await getKnownReferences(database);
    expect([known.sections.size, known.authors.size, known.articleSlugs.size]).toEqual([0, 0, 0]);
  });
});
