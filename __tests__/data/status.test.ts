/**
 * The article page's update check reads one article's version by id, under the public rule: what a
 * reader cannot see, the check cannot confirm exists.
 */
import { getPublicArticleVersion } from '@/lib/data/status';
import { FIXTURE_NOW, fixtureArticle, LATER_NOW, NL_HIDDEN } from '../fixtures/content';
import { describeEachEngine } from './engines';
import { useContentDatabase } from './helpers';

describeEachEngine('getPublicArticleVersion', (harness) => {
  const database = useContentDatabase(harness);

  it('gives a public article its locale, current slug and last update in UTC', async () => {
    await expect(getPublicArticleVersion(database(), 'nl-klassieker', FIXTURE_NOW)).resolves.toEqual({
      id: 'nl-klassieker',
      locale: 'nl',
      slug: 'ajax-wint-klassieker',
      updatedAt: '2024-04-30T20:15:00.000Z',
    });
  });

  it.each([...NL_HIDDEN, 'en-draft', 'does-not-exist'])('answers null for %s', async (id) => {
    await expect(getPublicArticleVersion(database(), id, FIXTURE_NOW)).resolves.toBeNull();
  });

  it('finds a future-dated article once its time has come', async () => {
    const future = fixtureArticle('nl-toekomst');
    await expect(getPublicArticleVersion(database(), future.id ?? '', LATER_NOW)).resolves.toMatchObject({ id: 'nl-toekomst', slug: future.slug });
  });
});
