/**
 * Whole-article reads: the article page's lookup by slug with its history, and the editor's by id.
 */
import { getArticleById, getPublicArticle } from '@/lib/data/articles';
import { FIXTURE_NOW } from '../fixtures/content';
import { describeEachEngine } from './engines';
import { useContentDatabase } from './helpers';

describeEachEngine('article reads', (harness) => {
  const database = useContentDatabase(harness);

  it('serves a public article at its current slug, whole', async () => {
    const result = await getPublicArticle(database(), 'nl', 'ajax-wint-klassieker', FIXTURE_NOW);
    expect(result).toEqual({
      kind: 'article',
      article: {
        id: 'nl-klassieker',
        locale: 'nl',
        slug: 'ajax-wint-klassieker',
        previousSlugs: ['ajax-wint'],
        status: 'published',
        title: 'Ajax wint de klassieker tegen Feyenoord',
        intro: 'Een doelpunt in de slotminuut beslist de topper in Amsterdam.',
        section: { slug: 'voetbal', name: 'Voetbal' },
        authors: [{ slug: 'jan-de-vries', name: 'Jan de Vries' }],
        tags: [
          { slug: 'ajax', name: 'Ajax' },
          { slug: 'feyenoord', name: 'Feyenoord' },
          { slug: 'eredivisie', name: 'Eredivisie' },
        ],
        publishedAt: '2024-04-30T18:00:00.000Z',
        updatedAt: '2024-04-30T20:15:00.000Z',
        leadImage: { src: '/images/klassieker.jpg', alt: 'Spelers van Ajax juichen', caption: 'Vreugde in de Johan Cruijff ArenA', credit: 'ANP' },
        body: [
          { type: 'paragraph', text: 'Het was een **zinderende** middag in Amsterdam.' },
          { type: 'paragraph', text: 'Lees ook [de voorbeschouwing](/nieuws/voorbeschouwing).' },
          { type: 'heading', text: 'Slotfase' },
          { type: 'quote', text: 'Dit is waarom je voetballer wordt.', source: 'De aanvoerder' },
        ],
      },
    });
  });

  it('keeps bylines in their given order', async () => {
    const result = await getPublicArticle(database(), 'nl', 'atletico-madrid-verrast', FIXTURE_NOW);
    expect(result?.kind === 'article' ? result.article.authors.map((author) => author.slug) : null).toEqual(['jan-de-vries', 'sanne-bakker']);
  });

  it("answers an earlier slug with 'moved' and the current slug", async () => {
    await expect(getPublicArticle(database(), 'nl', 'ajax-wint', FIXTURE_NOW)).resolves.toEqual({ kind: 'moved', slug: 'ajax-wint-klassieker' });
  });

  it('looks slugs up per locale', async () => {
    await expect(getPublicArticle(database(), 'en', 'ajax-wint', FIXTURE_NOW)).resolves.toBeNull();
    await expect(getPublicArticle(database(), 'en', 'ajax-wint-klassieker', FIXTURE_NOW)).resolves.toBeNull();
    const dutch = await getPublicArticle(database(), 'nl', 'verstappen', FIXTURE_NOW);
    const english = await getPublicArticle(database(), 'en', 'verstappen', FIXTURE_NOW);
    expect(dutch?.kind === 'article' && dutch.article.id).toBe('nl-verstappen');
    expect(english?.kind === 'article' && english.article.id).toBe('en-verstappen');
  });

  it.each(['bestaat-niet', '', 'AJAX-WINT', "ajax-wint' or '1'='1", 'ajax-wint%'])('finds nothing at %j', async (slug) => {
    await expect(getPublicArticle(database(), 'nl', slug, FIXTURE_NOW)).resolves.toBeNull();
  });

  it('gives the editor a draft by id, with an undated draft timed at its first write', async () => {
    await expect(getArticleById(database(), 'nl-concept')).resolves.toMatchObject({
      id: 'nl-concept',
      status: 'draft',
      publishedAt: null,
      updatedAt: FIXTURE_NOW.toISOString(),
    });
    await expect(getArticleById(database(), 'bestaat-niet')).resolves.toBeNull();
  });

  it('defaults updatedAt to publishedAt', async () => {
    await expect(getArticleById(database(), 'nl-atletico')).resolves.toMatchObject({
      publishedAt: '2024-04-29T20:00:00.000Z',
      updatedAt: '2024-04-29T20:00:00.000Z',
    });
  });
});
