import { buildNewsSitemap, NEWS_MAX_URLS, selectNewsArticles, type NewsSitemapArticle } from '@/lib/seo/news-sitemap';

const NOW = new Date('2026-03-10T12:00:00Z');
const HOUR = 60 * 60 * 1000;

const article = (slug: string, publishedAt: string | Date, title = `Titel ${slug}`): NewsSitemapArticle => ({
  loc: `https://example.test/nieuws/${slug}`,
  title,
  publishedAt: typeof publishedAt === 'string' ? publishedAt : publishedAt.toISOString(),
  language: 'nl',
});
const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * HOUR);

describe('selectNewsArticles', () => {
  it.each([
    ['published a minute ago', hoursAgo(1 / 60), true],
    ['published 47 hours ago', hoursAgo(47), true],
    ['published exactly two days ago', hoursAgo(48), true],
    ['published two days and a second ago', new Date(NOW.getTime() - 48 * HOUR - 1000), false],
    ['published last week', hoursAgo(24 * 7), false],
    ['scheduled for later today', new Date(NOW.getTime() + HOUR), false],
  ])('an article %s is listed: %s', (_case, publishedAt, listed) => {
    expect(selectNewsArticles([article('a', publishedAt)], NOW)).toHaveLength(listed ? 1 : 0);
  });

  it('lists at most 1,000 articles, the newest', () => {
    const many = Array.from({ length: 1500 }, (_, n) => article(`a-${n}`, new Date(NOW.getTime() - n * 60_000)));
    const selected = selectNewsArticles([...many].reverse(), NOW);
    expect(selected).toHaveLength(NEWS_MAX_URLS);
    expect(selected[0]?.loc).toBe('https://example.test/nieuws/a-0');
    expect(selected.at(-1)?.loc).toBe('https://example.test/nieuws/a-999');
  });

  it('does not depend on the process time zone: offsets are instants', () => {
    // 2 days + 30 minutes before NOW, written with a +02:00 offset.
    expect(selectNewsArticles([article('a', '2026-03-08T13:30:00+02:00')], NOW)).toHaveLength(0);
    expect(selectNewsArticles([article('a', '2026-03-08T14:30:00+02:00')], NOW)).toHaveLength(1);
  });
});

describe('buildNewsSitemap', () => {
  it('writes the news namespace, publication, publication date and escaped title', () => {
    const xml = buildNewsSitemap({ name: 'Sportnieuws' }, [article('derby', '2026-03-10T09:15:00Z', 'Ajax & PSV: "derby" <live>')], NOW);
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    expect(xml).toContain(
      '<url><loc>https://example.test/nieuws/derby</loc><news:news><news:publication><news:name>Sportnieuws</news:name><news:language>nl</news:language></news:publication><news:publication_date>2026-03-10T09:15:00Z</news:publication_date><news:title>Ajax &amp; PSV: "derby" &lt;live&gt;</news:title></news:news></url>',
    );
  });

  it('is a well-formed, empty urlset when nothing is recent', () => {
    const xml = buildNewsSitemap({ name: 'Sportnieuws' }, [article('old', hoursAgo(100))], NOW);
    expect(xml).not.toContain('<url>');
    expect(xml).toMatch(/<urlset [^>]+>\n<\/urlset>\n$/);
  });
});
