/** The cache tag vocabulary (lib/cache/tags.ts): what a write expires, and what the endpoints accept. */
import { cacheTags, isCacheTag, tagsForArticleChange } from '@/lib/cache/tags';

describe('the tags a write expires', () => {
  it('name the article, every slug it has had, and its locale’s listings: no other article page', () => {
    expect(tagsForArticleChange([{ id: 'nl-derby', locale: 'nl', slugs: ['derby-uitgesteld', 'derby-gaat-door'] }])).toEqual([
      'listings:nl',
      'article:nl-derby',
      'slug:nl:derby-uitgesteld',
      'slug:nl:derby-gaat-door',
    ]);
  });

  it('are the same few for one article whatever the size of the archive', () => {
    const one = tagsForArticleChange([{ id: 'en-stage', locale: 'en', slugs: ['stage-nine'] }]);
    expect(one).toHaveLength(3);
    expect(one.filter((tag) => tag.startsWith('slug:'))).toEqual([cacheTags.slug('en', 'stage-nine')]);
  });

  it('list each tag once for several articles of one locale', () => {
    const tags = tagsForArticleChange([
      { id: 'a1', locale: 'nl', slugs: ['een'] },
      { id: 'a2', locale: 'nl', slugs: ['twee'] },
    ]);
    expect(tags.filter((tag) => tag === 'listings:nl')).toHaveLength(1);
  });
});

describe('the tags the revalidation endpoint accepts', () => {
  it.each([
    ['listings:nl', true],
    ['slug:nl:derby-gaat-door', true],
    ['slug:en:a', true],
    ['article:nl-derby', true],
    ['taxonomy', true],
    ['slugs:nl', false],
    ['slug:de:derby', false],
    ['slug:nl:Derby', false],
    ['slug:nl:derby--x', false],
    ['slug:nl:', false],
    [`slug:nl:${'a'.repeat(300)}`, false],
    ['listings:nl ', false],
  ])('%j → %s', (tag, accepted) => {
    expect(isCacheTag(tag)).toBe(accepted);
  });
});
