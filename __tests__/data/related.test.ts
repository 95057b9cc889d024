import type { Article } from '@/lib/content/model';
import { getArticleById, relatedArticles } from '@/lib/data/articles';
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
});
