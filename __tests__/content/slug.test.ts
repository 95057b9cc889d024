import { isSlug, slugify } from '@/lib/content/slug';

describe('slugify', () => {
  it.each([
    ['Real Madrid', 'real-madrid'],
    ['WK 2026', 'wk-2026'],
    ['Atlético Madrid', 'atletico-madrid'],
    ['  Go Ahead   Eagles ', 'go-ahead-eagles'],
    ['Tour de France!', 'tour-de-france'],
    ['Ståle Sørensen', 'stale-sorensen'],
    ['Straße', 'strasse'],
    ['???', ''],
  ])('derives %j → %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('always yields a valid slug or an empty string', () => {
    for (const name of ['A—B', '1-2-3', 'Ajax/PSV', 'ÉÉN', 'x'.repeat(300)]) {
      const slug = slugify(name);
      expect(slug === '' || isSlug(slug)).toBe(true);
    }
  });
});

describe('isSlug', () => {
  it.each([
    ['real-madrid', true],
    ['wk-2026', true],
    ['Real-Madrid', false],
    ['real--madrid', false],
    ['-real', false],
    ['real madrid', false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isSlug(value)).toBe(expected);
  });
});
