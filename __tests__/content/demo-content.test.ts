/**
 * The demo content (content/demo/*.json) is what a fresh install shows: it must parse, be complete
 * enough to make every page look real, and reference only images that exist under public/.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { ContentFileSchema, type ArticleInput, type Block, type ContentFile } from '@/lib/content/model';

const ROOT = path.join(__dirname, '..', '..');

function load(locale: 'nl' | 'en'): ContentFile {
  const raw: unknown = JSON.parse(readFileSync(path.join(ROOT, 'content', 'demo', `${locale}.json`), 'utf8'));
  return ContentFileSchema.parse(raw);
}

const files = { nl: load('nl'), en: load('en') };
const articlesOf = (locale: 'nl' | 'en'): ArticleInput[] => files[locale].articles ?? [];
const published = (locale: 'nl' | 'en') => articlesOf(locale).filter((article) => article.status === 'published');
const allArticles = [...articlesOf('nl'), ...articlesOf('en')];
const allAuthors = [...(files.nl.authors ?? []), ...(files.en.authors ?? [])];
const hasBlock = (article: ArticleInput, type: Block['type']) => article.body.some((block) => block.type === type);

/** Every local media path the content references. */
function localMedia(file: ContentFile): string[] {
  const refs: string[] = [];
  for (const author of file.authors ?? []) if (author.image) refs.push(author.image);
  for (const article of file.articles ?? []) {
    if (article.leadImage) refs.push(article.leadImage.src);
    for (const block of article.body) {
      if (block.type === 'image') refs.push(block.src);
      if (block.type === 'video') {
        if (block.poster) refs.push(block.poster);
        if (block.provider === 'file') refs.push(block.src);
      }
    }
  }
  return refs.filter((src) => src.startsWith('/'));
}
const publicPath = (src: string) => path.join(ROOT, 'public', ...src.split('/').filter(Boolean));

describe('demo content', () => {
  it('parses both files with the interchange schema', () => {
    // load() throws on a schema error; this just makes the expectation explicit.
    expect(files.nl.articles?.length).toBeGreaterThan(0);
    expect(files.en.articles?.length).toBeGreaterThan(0);
  });

  it('has enough published articles, sections and authors', () => {
    expect(published('nl').length).toBeGreaterThanOrEqual(40);
    expect(published('en').length).toBeGreaterThanOrEqual(12);
    expect(files.nl.sections?.length ?? 0).toBeGreaterThanOrEqual(6);
    expect(files.en.sections?.length ?? 0).toBeGreaterThanOrEqual(6);
    expect(new Set(allAuthors.map((author) => author.slug)).size).toBeGreaterThanOrEqual(8);
  });

  it('includes drafts and a scheduled article to demonstrate visibility', () => {
    const nl = articlesOf('nl');
    expect(nl.filter((article) => article.status === 'draft').length).toBeGreaterThanOrEqual(2);
    const scheduled = nl.filter((article) => article.status === 'scheduled');
    expect(scheduled.length).toBeGreaterThanOrEqual(1);
    const newestPublished = Math.max(...allArticles.filter((a) => a.status === 'published').map((a) => Date.parse(a.publishedAt ?? '')));
    for (const article of scheduled) {
      expect(Date.parse(article.publishedAt ?? '')).toBeGreaterThan(newestPublished);
    }
  });

  it('has videos in at least eight articles, in both locales', () => {
    const withVideo = (locale: 'nl' | 'en') => published(locale).filter((article) => hasBlock(article, 'video'));
    expect(withVideo('nl').length + withVideo('en').length).toBeGreaterThanOrEqual(8);
    expect(withVideo('en').length).toBeGreaterThanOrEqual(3);
    for (const article of allArticles) {
      article.body.forEach((block, index) => {
        if (block.type !== 'video') return;
        expect(block.title.length).toBeGreaterThan(0);
        expect(block.poster).toBeDefined();
        expect(block.duration).toBeGreaterThan(0);
        // The line before a video introduces it.
        expect(article.body[index - 1]?.type).toBe('paragraph');
      });
    }
  });

  it('tags articles, and reuses tags so tag pages have several items', () => {
    const counts = new Map<string, number>();
    for (const article of allArticles) {
      expect(article.tags?.length ?? 0).toBeGreaterThanOrEqual(3);
      for (const tag of article.tags ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
    const reused = [...counts.values()].filter((count) => count >= 3);
    expect(reused.length).toBeGreaterThanOrEqual(10);
    expect(counts.get('Eredivisie') ?? 0).toBeGreaterThanOrEqual(5);
  });

  it.each(['nl', 'en'] as const)('%s: every article uses its own locale and an existing section', (locale) => {
    const sections = new Set((files[locale].sections ?? []).map((section) => section.slug));
    for (const section of files[locale].sections ?? []) expect(section.locale).toBe(locale);
    for (const article of articlesOf(locale)) {
      expect(article.locale).toBe(locale);
      expect(sections.has(article.section)).toBe(true);
    }
  });

  it.each(['nl', 'en'] as const)('%s: every author exists, and the file stands on its own', (locale) => {
    const own = new Set((files[locale].authors ?? []).map((author) => author.slug));
    for (const article of articlesOf(locale)) {
      for (const author of article.authors) expect(own.has(author)).toBe(true);
    }
  });

  it('repeats authors in en.json identically', () => {
    const nlAuthors = new Map((files.nl.authors ?? []).map((author) => [author.slug, author]));
    for (const author of files.en.authors ?? []) expect(author).toEqual(nlAuthors.get(author.slug));
    for (const author of allAuthors) expect(author.bio?.length).toBeGreaterThan(20);
  });

  it.each(['nl', 'en'] as const)('%s: slugs are unique', (locale) => {
    const slugs = articlesOf(locale).map((article) => article.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it.each(['nl', 'en'] as const)('%s: internal links point at earlier published demo articles', (locale) => {
    const prefix = locale === 'nl' ? '/nieuws/' : '/en/news/';
    const publishedAt = new Map(published(locale).map((article) => [article.slug, Date.parse(article.publishedAt ?? '')]));
    let links = 0;
    for (const article of articlesOf(locale)) {
      const linkingAt = article.publishedAt ? Date.parse(article.publishedAt) : Infinity;
      for (const block of article.body) {
        if (block.type !== 'paragraph') continue;
        for (const match of block.text.matchAll(/\]\((\/[^)]*)\)/g)) {
          const href = match[1] ?? '';
          expect(href.startsWith(prefix)).toBe(true);
          const target = publishedAt.get(href.slice(prefix.length));
          expect(target).toBeDefined();
          // A story can only link to what was already out when it was published.
          expect(target ?? Infinity).toBeLessThanOrEqual(linkingAt);
          links++;
        }
      }
    }
    expect(links).toBeGreaterThanOrEqual(4);
  });

  it('gives every article a lead image with alt text, caption and credit', () => {
    for (const article of allArticles) {
      expect(article.leadImage).toBeDefined();
      expect(article.leadImage?.alt.length).toBeGreaterThan(10);
      expect(article.leadImage?.caption).toBeTruthy();
      expect(article.leadImage?.credit).toBeTruthy();
      expect(article.body.length).toBeGreaterThanOrEqual(5);
      expect(article.body.length).toBeLessThanOrEqual(10);
    }
  });

  it('references only local media files that exist under public/', async () => {
    const refs = new Set([...localMedia(files.nl), ...localMedia(files.en), '/images/video-placeholder.webp']);
    const missing = [...refs].filter((src) => !existsSync(publicPath(src)));
    expect(missing).toEqual([]);
    // Spot-check the formats the generator promises.
    const size = async (src: string) => {
      const { width, height } = await sharp(publicPath(src)).metadata();
      return [width, height];
    };
    const first = published('nl')[0];
    if (first?.leadImage) expect(await size(first.leadImage.src)).toEqual([1600, 900]);
    const poster = allArticles.flatMap((a) => a.body).find((b) => b.type === 'video')?.poster;
    if (poster) expect(await size(poster)).toEqual([1280, 720]);
    const portrait = allAuthors[0]?.image;
    if (portrait) expect(await size(portrait)).toEqual([400, 400]);
  });

  it('contains the 2022 reference article by Rian Rosendaal', () => {
    const reference = articlesOf('nl').find((article) => article.publishedAt === '2022-05-03T12:38:00Z');
    expect(reference).toBeDefined();
    if (!reference) return;
    expect(reference.status).toBe('published');
    expect(reference.section).toBe('voetbal');
    expect(reference.authors).toContain('rian-rosendaal');
    expect(reference.updatedAt).toBe(reference.publishedAt);
    expect(hasBlock(reference, 'heading')).toBe(true);
    expect(hasBlock(reference, 'quote')).toBe(true);
    // The video sits in the middle of the body, not at either end.
    const videoAt = reference.body.findIndex((block) => block.type === 'video');
    expect(videoAt).toBeGreaterThan(0);
    expect(videoAt).toBeLessThan(reference.body.length - 1);
    const author = allAuthors.find((a) => a.slug === 'rian-rosendaal');
    expect(author?.name).toBe('Rian Rosendaal');
  });
});
