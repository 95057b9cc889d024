/**
 * @jest-environment jsdom
 */
/**
 * What a feed reader makes of editor text: it parses the XML, then renders RSS `title`,
 * `description` and `category` as HTML (the RSS convention), and news-sitemap fields as plain
 * text. Hostile text in every field must come out of that as the same text, with no element.
 * jsdom's XML parser and HTML parser play the reader.
 */
import { buildNewsSitemap } from '@/lib/seo/news-sitemap';
import { buildRss, type RssItem } from '@/lib/seo/rss';

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1"> Intro',
  '</description><script>alert(1)</script>',
  '&lt;img src=x onerror=alert(1)&gt;',
  '<![CDATA[<b>bold</b>]]>',
  'Ajax & PSV: "derby" \'s avonds',
  '<a href="javascript:alert(1)">klik</a>',
];

function parseXml(xml: string): Document {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
  return document;
}

/** The reader's view of an HTML-by-convention field: the elements it would create, and the text it shows. */
function renderedAsHtml(xmlText: string): { elements: number; text: string } {
  const container = document.createElement('div');
  container.innerHTML = xmlText;
  return { elements: container.querySelectorAll('*').length, text: container.textContent ?? '' };
}

const textsOf = (document: Document, name: string) => Array.from(document.getElementsByTagName(name), (element) => element.textContent ?? '');

describe.each(HOSTILE)('hostile text %j', (hostile) => {
  const item: RssItem = {
    title: hostile,
    link: 'https://example.test/nieuws/a',
    guid: { value: 'https://example.test/#article-a', isPermaLink: false },
    description: hostile,
    publishedAt: '2026-12-07T10:00:00Z',
    categories: [{ name: hostile, domain: 'https://example.test/rubriek/a' }, { name: hostile }],
    image: { url: 'https://example.test/images/a.webp', type: 'image/webp', description: hostile },
  };
  const rss = parseXml(
    buildRss({ title: hostile, link: 'https://example.test/', selfUrl: 'https://example.test/feed.xml', description: hostile, language: 'nl-NL' }, [item]),
  );

  it.each(['title', 'description', 'category'])('reaches an RSS reader as text in every <%s>', (name) => {
    const fields = textsOf(rss, name);
    expect(fields.length).toBeGreaterThanOrEqual(2);
    for (const field of fields) expect(renderedAsHtml(field)).toEqual({ elements: 0, text: hostile });
  });

  it('is plain text in media:description, which says so', () => {
    const [description] = Array.from(rss.getElementsByTagName('media:description'));
    expect(description?.getAttribute('type')).toBe('plain');
    expect(description?.textContent).toBe(hostile);
  });

  it('adds no element to the feed itself', () => {
    const names = Array.from(rss.getElementsByTagName('*'), (element) => element.tagName);
    expect(names.filter((name) => !['rss', 'channel', 'title', 'link', 'description', 'language', 'atom:link', 'lastBuildDate', 'item', 'guid', 'pubDate', 'category', 'media:content', 'media:description'].includes(name))).toEqual([]);
  });

  it('is the same plain text in the news sitemap (news:title and news:name are plain text)', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    const sitemap = parseXml(
      buildNewsSitemap({ name: hostile }, [{ loc: 'https://example.test/nieuws/a', title: hostile, publishedAt: '2026-12-07T10:00:00Z', language: 'nl' }], now),
    );
    expect(textsOf(sitemap, 'news:title')).toEqual([hostile]);
    expect(textsOf(sitemap, 'news:name')).toEqual([hostile]);
    expect(sitemap.getElementsByTagName('*')).toHaveLength(9);
  });
});
