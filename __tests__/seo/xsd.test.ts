/**
 * The builders' output validated against the published schemas (written out under
 * __tests__/fixtures/xsd/) with libxml2's xmllint. No skipping: without xmllint this suite fails
 * and says how to install it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildNewsSitemap, type NewsSitemapArticle } from '@/lib/seo/news-sitemap';
import { buildRss } from '@/lib/seo/rss';
import { buildSitemapIndex, buildUrlset, SITEMAP_MAX_URLS, splitForSitemaps } from '@/lib/seo/sitemap';

const XSD = path.join(__dirname, '..', 'fixtures', 'xsd');
const SCHEMAS = {
  urlset: path.join(XSD, 'sitemap.xsd'),
  index: path.join(XSD, 'siteindex.xsd'),
  news: path.join(XSD, 'news-sitemap.xsd'),
} as const;

let directory: string;
beforeAll(() => {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error('xmllint is not installed, so the sitemaps cannot be validated against their XSD. Install it: apt-get install -y libxml2-utils');
  }
  directory = mkdtempSync(path.join(tmpdir(), 'seo-xsd-'));
});
afterAll(() => {
  if (directory) rmSync(directory, { recursive: true, force: true });
});

let fileCount = 0;
/** Runs xmllint on `xml`, against `schema` when given; returns its verdict and messages. */
function xmllint(xml: string, schema?: string): { valid: boolean; output: string } {
  const file = path.join(directory, `doc-${++fileCount}.xml`);
  writeFileSync(file, xml, 'utf8');
  const args = ['--noout', '--nonet', ...(schema ? ['--schema', schema] : []), file];
  const result = spawnSync('xmllint', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { valid: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

const expectValid = (xml: string, schema?: string) => {
  const { valid, output } = xmllint(xml, schema);
  if (!valid) throw new Error(`xmllint rejected the document:\n${output.slice(0, 2000)}`);
};

const NOW = new Date('2026-03-10T12:00:00Z');
const HOSTILE = 'Ajax & PSV <b>"derby"</b> ]]> \u0000\u0008 einde';

describe('sitemaps validate against the sitemaps.org 0.9 schemas', () => {
  it('a urlset with lastmods, query strings and hostile characters', () => {
    expectValid(
      buildUrlset([
        { loc: 'https://example.test/', lastmod: '2022-05-03T14:38:40+02:00' },
        { loc: 'https://example.test/zoeken?q=a&pagina=2' },
        { loc: `https://example.test/tag/${encodeURIComponent(HOSTILE)}`, lastmod: '2022-05-03T12:38:40.123Z' },
      ]),
      SCHEMAS.urlset,
    );
  });

  it('a full file of 50,000 URLs, split from 50,001', () => {
    const urls = Array.from({ length: SITEMAP_MAX_URLS + 1 }, (_, n) => ({ loc: `https://example.test/nieuws/artikel-${n}`, lastmod: '2022-05-03T12:38:40Z' }));
    const parts = splitForSitemaps(urls);
    expect(parts).toHaveLength(2);
    for (const part of parts) expectValid(buildUrlset(part), SCHEMAS.urlset);
  });

  it('a sitemap index', () => {
    expectValid(
      buildSitemapIndex([
        { loc: 'https://example.test/sitemaps/pages.xml', lastmod: '2022-05-03T12:38:40Z' },
        { loc: 'https://example.test/sitemaps/articles/1.xml', lastmod: '2022-05-03T12:38:40Z' },
        { loc: 'https://example.test/news-sitemap.xml' },
      ]),
      SCHEMAS.index,
    );
  });

  it('and the schema really checks: a urlset without loc is rejected', () => {
    expect(xmllint('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lastmod>2022-05-03</lastmod></url></urlset>', SCHEMAS.urlset).valid).toBe(false);
  });
});

describe('the news sitemap validates against the sitemaps.org and Google News schemas', () => {
  const article = (n: number, language = 'nl'): NewsSitemapArticle => ({
    loc: `https://example.test/nieuws/artikel-${n}`,
    title: n === 0 ? HOSTILE : `Artikel ${n}`,
    publishedAt: new Date(NOW.getTime() - n * 60_000).toISOString(),
    language,
  });

  it('with articles in both languages', () => {
    expectValid(buildNewsSitemap({ name: 'Sportnieuws & Co' }, [article(0), article(1, 'en'), article(2)], NOW), SCHEMAS.news);
  });

  it('at the 1,000-article cap', () => {
    const xml = buildNewsSitemap({ name: 'Sportnieuws' }, Array.from({ length: 1200 }, (_, n) => article(n)), NOW);
    expect(xml.match(/<url>/g)).toHaveLength(1000);
    expectValid(xml, SCHEMAS.news);
  });

  it('when empty it is still well-formed XML (the urlset schema itself demands at least one <url>)', () => {
    const empty = buildNewsSitemap({ name: 'Sportnieuws' }, [], NOW);
    expectValid(empty);
  });

  it('and the schema really checks: a news entry without a title is rejected', () => {
    const xml = buildNewsSitemap({ name: 'Sportnieuws' }, [article(1)], NOW).replace(/<news:title>.*?<\/news:title>/, '');
    expect(xmllint(xml, SCHEMAS.news).valid).toBe(false);
  });
});

describe('RSS', () => {
  it('is well-formed XML, hostile text included', () => {
    expectValid(
      buildRss(
        { title: HOSTILE, link: 'https://example.test/', selfUrl: 'https://example.test/feed.xml', description: HOSTILE, language: 'nl-NL' },
        [
          {
            title: HOSTILE,
            link: 'https://example.test/nieuws/a?x=1&y=2',
            guid: { value: 'https://example.test/#article-a', isPermaLink: false },
            description: HOSTILE,
            publishedAt: '2022-05-03T12:38:00Z',
            categories: [{ name: HOSTILE, domain: 'https://example.test/tag/a?b="c"' }],
            image: { url: 'https://example.test/a.webp', type: 'image/webp', description: HOSTILE },
          },
        ],
      ),
    );
  });
});
