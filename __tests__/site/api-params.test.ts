import { listingApiUrl } from '@/components/listing/LoadMore.client';
import type { ListingFilter } from '@/lib/data/listing';
import { parseArticleIdParam, parseListingParams } from '@/lib/site/api-params';

const parse = (query: string) => parseListingParams(new URLSearchParams(query));

describe('parseListingParams', () => {
  it.each([
    ['locale=nl&section=voetbal', { locale: 'nl', section: 'voetbal' }, null],
    ['locale=en&tag=eredivisie&cursor=MToxNjUxNTgxNDgwMDAwOmFiYw', { locale: 'en', tag: 'eredivisie' }, 'MToxNjUxNTgxNDgwMDAwOmFiYw'],
    ['locale=nl&author=rian-rosendaal', { locale: 'nl', author: 'rian-rosendaal' }, null],
    ['locale=nl&video=1', { locale: 'nl', video: true }, null],
    ['cursor=abc&video=1&locale=en', { locale: 'en', video: true }, 'abc'],
  ])('accepts ?%s', (query, filter, cursor) => {
    expect(parse(query)).toEqual({ ok: true, value: { filter, cursor } });
  });

  it.each([
    ['', 'locale is required'],
    ['section=voetbal', 'locale is required'],
    ['locale=de&section=voetbal', 'locale: expected one of nl, en'],
    ['locale=NL&section=voetbal', 'locale: expected one of nl, en'],
    ['locale=&section=voetbal', 'locale: expected one of nl, en'],
    ['locale=nl', 'one of section, tag, author or video=1 is required'],
    ['locale=nl&section=voetbal&tag=eredivisie', 'only one of section, tag, author or video may be given, got section and tag'],
    ['locale=nl&author=rian-rosendaal&video=1', 'only one of section, tag, author or video may be given, got author and video'],
    ['locale=nl&section=Voetbal', 'section: expected a lowercase-kebab slug (a-z, 0-9 and single hyphens)'],
    ['locale=nl&tag=', 'tag: expected a lowercase-kebab slug (a-z, 0-9 and single hyphens)'],
    ['locale=nl&author=../etc/passwd', 'author: expected a lowercase-kebab slug (a-z, 0-9 and single hyphens)'],
    [`locale=nl&section=${'a'.repeat(121)}`, 'section: must be at most 120 characters'],
    ['locale=nl&video=true', 'video: expected 1'],
    ['locale=nl&video=', 'video: expected 1'],
    ['locale=nl&section=voetbal&cursor=', 'cursor: expected the nextCursor of a previous page'],
    [`locale=nl&section=voetbal&cursor=${'x'.repeat(201)}`, 'cursor: expected the nextCursor of a previous page'],
    ['locale=nl&section=voetbal&page=2', 'unknown parameter "page"'],
    ['locale=nl&section=voetbal&limit=100', 'unknown parameter "limit"'],
    ['locale=nl&locale=en&section=voetbal', 'parameter "locale" is given more than once'],
    ['locale=nl&section=voetbal&section=tennis', 'parameter "section" is given more than once'],
  ])('rejects ?%s: %s', (query, message) => {
    expect(parse(query)).toEqual({ ok: false, message });
  });
});

describe('listingApiUrl, the load-more side of the same contract', () => {
  it.each<[ListingFilter, string]>([
    [{ locale: 'nl', section: 'voetbal' }, '/api/listings?locale=nl&section=voetbal&cursor=c%2B1'],
    [{ locale: 'en', tag: 'eredivisie' }, '/api/listings?locale=en&tag=eredivisie&cursor=c%2B1'],
    [{ locale: 'nl', author: 'rian-rosendaal' }, '/api/listings?locale=nl&author=rian-rosendaal&cursor=c%2B1'],
    [{ locale: 'en', video: true }, '/api/listings?locale=en&video=1&cursor=c%2B1'],
  ])('builds a URL for %j that the endpoint accepts as the same filter', (filter, url) => {
    expect(listingApiUrl(filter, 'c+1')).toBe(url);
    const query = url.slice(url.indexOf('?') + 1);
    expect(parse(query)).toEqual({ ok: true, value: { filter, cursor: 'c+1' } });
  });
});

describe('parseArticleIdParam', () => {
  it.each(['e2e-reference-article', 'abc', 'a'.repeat(64)])('accepts the id %s', (id) => {
    expect(parseArticleIdParam(id)).toEqual({ ok: true, value: id });
  });

  it.each(['ab', 'E2E-Article', '-leading-hyphen', 'a'.repeat(65), 'id with spaces', '../../etc', ''])('rejects the id %j', (id) => {
    expect(parseArticleIdParam(id)).toEqual({
      ok: false,
      message: 'id: expected an id of 3-64 characters a-z, 0-9 and hyphens',
    });
  });
});
