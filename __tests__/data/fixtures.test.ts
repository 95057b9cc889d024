import { ContentFileSchema } from '@/lib/content/model';
import { contentFixture, generatedListing, NL_HIDDEN, NL_PUBLIC_NEWEST_FIRST } from '../fixtures/content';

describe('the data-layer fixtures', () => {
  it.each([
    ['the nl/en fixture', contentFixture],
    ['a generated listing', generatedListing(57)],
  ])('%s is a valid content file', (_name, content) => {
    expect(ContentFileSchema.safeParse(content).error?.issues).toBeUndefined();
  });

  it('names every Dutch article as either public or hidden', () => {
    const dutch = contentFixture.articles.filter((article) => article.locale === 'nl').map((article) => article.id);
    expect([...dutch].sort()).toEqual([...NL_PUBLIC_NEWEST_FIRST, ...NL_HIDDEN].sort());
  });
});
