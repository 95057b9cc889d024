import { buildRss, imageMimeType, rfc822, type RssChannel, type RssItem } from '@/lib/seo/rss';

/** RFC 822 date-time as RSS 2.0 uses it (four-digit year). */
const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;

describe('rfc822', () => {
  it.each([
    ['2022-05-03T12:38:00Z', 'Tue, 03 May 2022 12:38:00 GMT'],
    ['2022-05-03T14:38:00+02:00', 'Tue, 03 May 2022 12:38:00 GMT'],
    ['2026-01-01T00:30:00+01:00', 'Wed, 31 Dec 2025 23:30:00 GMT'],
    ['2026-10-25T01:05:09Z', 'Sun, 25 Oct 2026 01:05:09 GMT'],
  ])('%s → %s', (input, expected) => {
    expect(rfc822(input)).toBe(expected);
    expect(rfc822(input)).toMatch(RFC822);
  });

  it('rejects a date-time without a zone', () => {
    expect(() => rfc822('2022-05-03T12:38:00')).toThrow(RangeError);
  });
});

describe('imageMimeType', () => {
  it.each([
    ['/images/demo/a.webp', 'image/webp'],
    ['https://cdn.example.test/b.JPG?w=1200', 'image/jpeg'],
    ['/c.png#x', 'image/png'],
    ['/d.avif', 'image/avif'],
    ['/e', undefined],
    ['/f.tiff', undefined],
  ])('%s → %s', (src, type) => {
    expect(imageMimeType(src)).toBe(type);
  });
});

const channel: RssChannel = {
  title: 'Voetbal | Sportnieuws',
  link: 'https://example.test/rubriek/voetbal',
  selfUrl: 'https://example.test/rubriek/voetbal/feed.xml',
  description: 'Het laatste nieuws uit de rubriek Voetbal.',
  language: 'nl-NL',
};

const item = (overrides: Partial<RssItem> = {}): RssItem => ({
  title: 'Trainer blijft kalm',
  link: 'https://example.test/nieuws/trainer-blijft-kalm',
  guid: { value: 'https://example.test/#article-a1', isPermaLink: false },
  description: 'Na de nederlaag.',
  publishedAt: '2022-05-03T12:38:00Z',
  categories: [
    { name: 'Voetbal', domain: 'https://example.test/rubriek/voetbal' },
    { name: 'Eredivisie', domain: 'https://example.test/tag/eredivisie' },
  ],
  image: { url: 'https://example.test/images/a.webp', type: 'image/webp', description: 'Het stadion' },
  ...overrides,
});

describe('buildRss', () => {
  const xml = buildRss(channel, [item(), item({ title: 'Ouder', publishedAt: '2022-05-01T08:00:00Z', image: undefined, categories: [] })]);

  it('is RSS 2.0 with an Atom self link', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">')).toBe(true);
    expect(xml).toContain('<atom:link href="https://example.test/rubriek/voetbal/feed.xml" rel="self" type="application/rss+xml"/>');
    expect(xml).toContain('<language>nl-NL</language>');
  });

  it('gives each item a title, link, guid, RFC 822 pubDate, description and categories', () => {
    expect(xml).toContain('<title>Trainer blijft kalm</title><link>https://example.test/nieuws/trainer-blijft-kalm</link>');
    expect(xml).toContain('<guid isPermaLink="false">https://example.test/#article-a1</guid>');
    expect(xml).toContain('<pubDate>Tue, 03 May 2022 12:38:00 GMT</pubDate>');
    expect(xml).toContain('<description>Na de nederlaag.</description>');
    expect(xml).toContain('<category domain="https://example.test/rubriek/voetbal">Voetbal</category>');
    expect(xml).toContain('<category domain="https://example.test/tag/eredivisie">Eredivisie</category>');
    for (const [, date] of xml.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)) expect(date).toMatch(RFC822);
  });

  it('leaves the description out of an item that has none, rather than writing an empty one', () => {
    const { description: _description, ...withoutDescription } = item();
    const bare = buildRss(channel, [withoutDescription]);
    expect(bare).not.toMatch(/<item>.*<description>/s);
    expect(bare).toContain('<title>Trainer blijft kalm</title>');
  });

  it('describes the lead image with media:content: absolute URL, type and alt text', () => {
    expect(xml).toContain(
      '<media:content url="https://example.test/images/a.webp" type="image/webp" medium="image"><media:description type="plain">Het stadion</media:description></media:content>',
    );
    expect(xml.match(/<media:content/g)).toHaveLength(1);
  });

  it('dates the channel by its newest item, not by the render time', () => {
    expect(xml).toContain('<lastBuildDate>Tue, 03 May 2022 12:38:00 GMT</lastBuildDate>');
    expect(buildRss(channel, [])).not.toContain('lastBuildDate');
  });

  it('escapes hostile text everywhere, for XML and for the HTML a reader renders', () => {
    const hostile = buildRss({ ...channel, title: 'A & B' }, [
      item({ title: '</title><script>x</script>', description: ']]> & \u0000', categories: [{ name: '<b>' }] }),
    ]);
    expect(hostile).toContain('<title>A &amp;amp; B</title>');
    expect(hostile).toContain('<title>&amp;lt;/title&amp;gt;&amp;lt;script&amp;gt;x&amp;lt;/script&amp;gt;</title>');
    expect(hostile).toContain('<description>]]&amp;gt; &amp;amp; </description>');
    expect(hostile).toContain('<category>&amp;lt;b&amp;gt;</category>');
    expect(hostile).not.toContain('<script>');
  });
});
