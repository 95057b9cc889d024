import type { Article } from '@/lib/content/model';
import { getArticleById } from '@/lib/data/articles';
import { RELATED_CANDIDATES_PER_TAG, relatedArticles } from '@/lib/data/related';
import type { Database } from '@/lib/db/connection';
import { FIXTURE_NOW } from '../fixtures/content';
import { describeEachEngine } from './engines';
import { ids, useContentDatabase } from './helpers';

async function article(database: Database, id: string): Promise<Article> {
  const found = await getArticleById(database, id);
  if (found === null) throw new Error(`fixture article ${id} missing`);
  return found;
}

describeEachEngine('related articles', (harness) => {
  const database = useContentDatabase(harness);

  it('puts articles sharing more tags first, newest first among equals, then fills from the section', async () => {
    // nl-klassieker: Ajax, Feyenoord, Eredivisie in voetbal.
    // nl-feyenoord-baalt and nl-ajax-eredivisie share two tags (the first is newer);
    // nl-ajax-fans-fietsen shares one (and is newer than nl-ajax-eredivisie);
    // nl-atletico shares none but is in the same section.
    const related = await relatedArticles(database(), await article(database(), 'nl-klassieker'), 6, FIXTURE_NOW);
    expect(ids(related)).toEqual(['nl-feyenoord-baalt', 'nl-ajax-eredivisie', 'nl-ajax-fans-fietsen', 'nl-atletico']);
  });

  it.each([
    [1, ['nl-feyenoord-baalt']],
    [3, ['nl-feyenoord-baalt', 'nl-ajax-eredivisie', 'nl-ajax-fans-fietsen']],
  ])('stops at the limit of %i', async (limit, expected) => {
    const related = await relatedArticles(database(), await article(database(), 'nl-klassieker'), limit, FIXTURE_NOW);
    expect(ids(related)).toEqual(expected);
  });

  it('fills from the section, newest first, when no article shares a tag', async () => {
    const related = await relatedArticles(database(), await article(database(), 'nl-tour-video'), 6, FIXTURE_NOW);
    expect(ids(related)).toEqual(['nl-ajax-fans-fietsen', 'nl-gelijk-b', 'nl-gelijk-a']);
  });

  it('stays within the locale and never returns the article itself', async () => {
    const related = await relatedArticles(database(), await article(database(), 'en-ajax-classic'), 6, FIXTURE_NOW);
    expect(ids(related)).toEqual(['en-verstappen']);
    const alone = await relatedArticles(database(), await article(database(), 'nl-verstappen'), 6, FIXTURE_NOW);
    expect(alone).toEqual([]);
  });

  it('needs only the id, locale, section and tag slugs, so its cache key is small', async () => {
    const whole = await article(database(), 'nl-klassieker');
    const query = { id: whole.id, locale: whole.locale, section: whole.section.slug, tags: whole.tags.map((tag) => tag.slug) };
    expect(await relatedArticles(database(), query, 6, FIXTURE_NOW)).toEqual(await relatedArticles(database(), whole, 6, FIXTURE_NOW));
  });
});

describeEachEngine('related articles at scale', (harness) => {
  // The oldest article shares both of the page's tags; 60 newer ones share only Ajax, 60 others only
  // Eredivisie. Only each tag's newest candidates are scored, so the work per page stays constant,
  // and an article older than all of them is not considered, however many tags it shares.
  const tagsOf = (index: number) => (index === 0 ? ['Ajax', 'Eredivisie'] : index <= 60 ? ['Ajax'] : ['Eredivisie']);
  const database = useContentDatabase(harness, {
    sections: [{ slug: 'voetbal', locale: 'nl', name: 'Voetbal', order: 1 }],
    authors: [{ slug: 'redactie', name: 'Redactie', bio: '' }],
    articles: Array.from({ length: 121 }, (_, index) => ({
      id: `nl-bericht-${String(index).padStart(3, '0')}`,
      locale: 'nl' as const,
      slug: `bericht-${index}`,
      status: 'published' as const,
      title: `Bericht ${index}`,
      intro: '',
      section: 'voetbal',
      authors: ['redactie'],
      tags: tagsOf(index),
      publishedAt: new Date(Date.parse('2024-01-01T00:00:00Z') + index * 60_000).toISOString(),
      body: [{ type: 'paragraph' as const, text: 'Tekst.' }],
    })),
  });
  const page = { id: 'nl-pagina', locale: 'nl' as const, section: 'voetbal', tags: ['ajax', 'eredivisie'] };

  it(`scores only each tag's ${RELATED_CANDIDATES_PER_TAG} newest articles`, async () => {
    const related = ids(await relatedArticles(database(), page, 6, FIXTURE_NOW));
    expect(related).toEqual(['nl-bericht-120', 'nl-bericht-119', 'nl-bericht-118', 'nl-bericht-117', 'nl-bericht-116', 'nl-bericht-115']);
    expect(related).not.toContain('nl-bericht-000');
  });

  it('still ranks an article sharing more tags first when it is among the candidates', async () => {
    const onlyAjax = { ...page, tags: ['ajax'] };
    const related = ids(await relatedArticles(database(), onlyAjax, 3, FIXTURE_NOW));
    expect(related).toEqual(['nl-bericht-060', 'nl-bericht-059', 'nl-bericht-058']);
  });
});
