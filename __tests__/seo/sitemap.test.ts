import { buildSitemapIndex, buildUrlset, newestInstant, SITEMAP_MAX_URLS, sitemapFileCount, splitForSitemaps, w3cDateTime, type SitemapUrl } from '@/lib/seo/sitemap';

const url = (n: number): SitemapUrl => ({ loc: `https://example.test/nieuws/artikel-${n}`, lastmod: '2022-05-03T12:38:40Z' });

describe('buildUrlset', () => {
  it('writes one <url> per entry with loc and lastmod in UTC', () => {
    const xml = buildUrlset([
      { loc: 'https://example.test/nieuws/a?x=1&y=2', lastmod: '2022-05-03T14:38:40+02:00' },
      { loc: 'https://example.test/rubriek/voetbal' },
    ]);
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        '<url><loc>https://example.test/nieuws/a?x=1&amp;y=2</loc><lastmod>2022-05-03T12:38:40Z</lastmod></url>',
        '<url><loc>https://example.test/rubriek/voetbal</loc></url>',
        '</urlset>',
        '',
      ].join('\n'),
    );
  });

  it('refuses more than 50,000 URLs', () => {
    const urls = Array.from({ length: SITEMAP_MAX_URLS + 1 }, (_, n) => url(n));
    expect(() => buildUrlset(urls)).toThrow(RangeError);
    expect(() => buildUrlset(urls.slice(0, SITEMAP_MAX_URLS))).not.toThrow();
  });

  it('rejects a lastmod without a zone instead of guessing one', () => {
    expect(() => buildUrlset([{ loc: 'https://example.test/', lastmod: '2022-05-03T14:38:00' }])).toThrow(RangeError);
  });
});

describe('splitForSitemaps', () => {
  it('splits 50,001 URLs into a full file of 50,000 and a file of one, keeping the order', () => {
    const urls = Array.from({ length: 50_001 }, (_, n) => url(n));
    const parts = splitForSitemaps(urls);
    expect(parts.map((part) => part.length)).toEqual([50_000, 1]);
    expect(parts[0]?.[0]).toBe(urls[0]);
    expect(parts[1]?.[0]).toBe(urls[50_000]);
    expect(sitemapFileCount(urls.length)).toBe(2);
    for (const part of parts) expect((buildUrlset(part).match(/<url>/g) ?? []).length).toBe(part.length);
  });

  it.each([
    [0, 0],
    [1, 1],
    [50_000, 1],
    [50_001, 2],
    [100_000, 2],
    [100_001, 3],
  ])('%i URLs need %i files', (count, files) => {
    expect(sitemapFileCount(count)).toBe(files);
    expect(splitForSitemaps(Array.from({ length: count }, (_, n) => n))).toHaveLength(files);
  });

  it('refuses a part size above the protocol limit', () => {
    expect(() => splitForSitemaps([1], SITEMAP_MAX_URLS + 1)).toThrow(RangeError);
  });
});

describe('buildSitemapIndex', () => {
  it('lists sitemap files with their lastmod', () => {
    const xml = buildSitemapIndex([
      { loc: 'https://example.test/sitemaps/pages.xml', lastmod: '2022-05-03T12:38:40.500Z' },
      { loc: 'https://example.test/news-sitemap.xml' },
    ]);
    expect(xml).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(xml).toContain('<sitemap><loc>https://example.test/sitemaps/pages.xml</loc><lastmod>2022-05-03T12:38:40.500Z</lastmod></sitemap>');
    expect(xml).toContain('<sitemap><loc>https://example.test/news-sitemap.xml</loc></sitemap>');
  });
});

describe('dates', () => {
  it.each([
    ['2022-05-03T12:38:40Z', '2022-05-03T12:38:40Z'],
    ['2022-05-03T14:38:40+02:00', '2022-05-03T12:38:40Z'],
    ['2022-05-03T12:38:40.250Z', '2022-05-03T12:38:40.250Z'],
  ])('w3cDateTime(%s) is %s', (input, expected) => {
    expect(w3cDateTime(input)).toBe(expected);
  });

  it('newestInstant compares instants, not strings', () => {
    expect(newestInstant(['2022-05-03T13:00:00+02:00', '2022-05-03T12:00:00Z', undefined])).toBe('2022-05-03T12:00:00Z');
    expect(newestInstant([undefined])).toBeUndefined();
  });
});
