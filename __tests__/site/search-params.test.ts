/** The search page's `q` and page parameters (lib/site/search-params.ts): as strict as a listing's page number. */
import { readSearchParams, searchHref, searchPageCount, searchPageExists, SEARCH_MAX_PAGES } from '@/lib/site/search-params';

describe('a search URL', () => {
  it.each<[string | string[] | undefined, string | string[] | undefined, ReturnType<typeof readSearchParams>]>([
    ['ajax', undefined, { kind: 'show', query: { kind: 'query', text: 'ajax', page: 1 } }],
    ['  ajax  ', '2', { kind: 'show', query: { kind: 'query', text: 'ajax', page: 2 } }],
    ['ajax', String(SEARCH_MAX_PAGES), { kind: 'show', query: { kind: 'query', text: 'ajax', page: SEARCH_MAX_PAGES } }],
    [['ajax', 'psv'], '3', { kind: 'show', query: { kind: 'query', text: 'ajax', page: 3 } }],
    [undefined, undefined, { kind: 'show', query: { kind: 'empty' } }],
    ['   ', undefined, { kind: 'show', query: { kind: 'empty' } }],
    ['a'.repeat(201), undefined, { kind: 'show', query: { kind: 'too-long', length: 201 } }],
  ])('q=%j with page %j asks for %j', (q, page, expected) => {
    expect(readSearchParams(q, page)).toEqual(expected);
  });

  it.each([
    ['ajax', '1', 'ajax'],
    [undefined, '1', ''],
    ['a'.repeat(201), '1', 'a'.repeat(201)],
  ])('q=%j with page 1 given explicitly goes to the URL without it, as a listing does', (q, page, text) => {
    expect(readSearchParams(q, page)).toEqual({ kind: 'page-one', text });
  });

  it.each([
    ['a word', 'ajax', 'abc'],
    ['a negative number', 'ajax', '-1'],
    ['zero', 'ajax', '0'],
    ['a leading zero', 'ajax', '02'],
    ['a fraction', 'ajax', '2.0'],
    ['an exponent', 'ajax', '1e1'],
    ['nothing', 'ajax', ''],
    ['spaces', 'ajax', ' 2'],
    ['a repeated parameter', 'ajax', ['2', '3']],
    ['past the pages search serves', 'ajax', String(SEARCH_MAX_PAGES + 1)],
    ['page 99', 'ajax', '99'],
    ['page 1000', 'ajax', '1000'],
    ['past the largest page number', 'ajax', '10000000'],
    ['page 2 of an empty query', undefined, '2'],
    ['page 2 of a blank query', '  ', '2'],
    ['page 2 of an over-long query', 'a'.repeat(201), '2'],
  ])('a page parameter that is %s is a 404', (_label, q, page) => {
    expect(readSearchParams(q, page)).toEqual({ kind: 'not-found' });
  });
});

describe('the pages of a search', () => {
  it.each([
    [0, 0],
    [1, 1],
    [15, 1],
    [20, 1],
    [21, 2],
    [45, 3],
    [200, 10],
    [1000, SEARCH_MAX_PAGES],
  ])('%i matches fill %i pages of 20', (total, pages) => {
    expect(searchPageCount(total)).toBe(pages);
  });

  it.each([
    [1, 0, true],
    [1, 15, true],
    [2, 15, false],
    [2, 21, true],
    [3, 45, true],
    [4, 45, false],
    [10, 1000, true],
    [11, 1000, false],
  ])('page %i of %i matches exists: %p', (page, total, exists) => {
    expect(searchPageExists(page, total)).toBe(exists);
  });

  it.each([
    ['nl', 'ajax', 1, '/zoeken?q=ajax'],
    ['nl', 'ajax', 2, '/zoeken?q=ajax&pagina=2'],
    ['en', 'the final', 3, '/en/search?q=the%20final&page=3'],
    ['en', 'a&b=c#d', 2, '/en/search?q=a%26b%3Dc%23d&page=2'],
    ['nl', '', 1, '/zoeken'],
  ] as const)('in %s, %j page %i is at %s', (locale, text, page, href) => {
    expect(searchHref(locale === 'nl' ? '/zoeken' : '/en/search', locale, text, page)).toBe(href);
  });
});
