/**
 * Share links (lib/preview/links.ts) and the preview reads (lib/data/articles.ts), on both engines.
 */
import { getArticleById as getArticleForPreviewById, getArticleForPreview, getPublicArticle } from '@/lib/data/articles';
import { localizedPath } from '@/lib/i18n/paths';
import { buildShareLink, publicArticlePath, resolveTtl, sharePreviewPath } from '@/lib/preview/links';
import { InvalidTtlError, verifyPreviewToken } from '@/lib/preview/token';
import { FIXTURE_NOW } from '../fixtures/content';
import { describeEachEngine } from '../data/engines';
import { useContentDatabase } from '../data/helpers';

const SECRET = 'k'.repeat(48);

describe('localized paths', () => {
  it.each([
    ['nl', '/nieuws/ajax-wint'],
    ['en', '/en/news/ajax-wint'],
  ] as const)('puts a %s article at %s', (locale, expected) => {
    expect(publicArticlePath(locale, 'ajax-wint')).toBe(expected);
  });

  it.each([
    ['nl', '/voorvertoning/v1.a.1.x'],
    ['en', '/en/preview/v1.a.1.x'],
  ] as const)('puts a %s shared preview at %s', (locale, expected) => {
    expect(sharePreviewPath(locale, 'v1.a.1.x')).toBe(expected);
  });

  it('encodes parameters and knows the home paths', () => {
    expect(localizedPath('nl', '/news/[slug]', { slug: 'a/b?c' })).toBe('/nieuws/a%2Fb%3Fc');
    expect(localizedPath('nl', '/')).toBe('/');
    expect(localizedPath('en', '/')).toBe('/en');
    expect(() => localizedPath('nl', '/news/[slug]')).toThrow(/slug/);
  });
});

describe('buildShareLink', () => {
  it('signs an absolute link on the site origin that expires after the lifetime, to the second', () => {
    const now = new Date('2026-03-01T12:00:00.750Z');
    const link = buildShareLink({ id: 'nl-concept', locale: 'nl' }, { ttlMs: 2 * 3_600_000, now, secret: SECRET, siteUrl: 'https://sport.example' });
    expect(link.expiresAt).toBe('2026-03-01T14:00:00.000Z');
    const url = new URL(link.url);
    expect(url.origin).toBe('https://sport.example');
    const token = /^\/voorvertoning\/(.+)$/.exec(url.pathname)?.[1] ?? '';
    expect(verifyPreviewToken(token, SECRET, now)).toEqual({ ok: true, articleId: 'nl-concept', expiresAt: new Date(link.expiresAt) });
    expect(verifyPreviewToken(token, SECRET, new Date(link.expiresAt)).ok).toBe(false);
  });

  it('links an English article under /en', () => {
    const link = buildShareLink({ id: 'en-draft', locale: 'en' }, { ttlMs: 60_000, now: FIXTURE_NOW, secret: SECRET, siteUrl: 'http://127.0.0.1:3000' });
    expect(link.url).toMatch(/^http:\/\/127\.0\.0\.1:3000\/en\/preview\/v1\.en-draft\.\d+\.[A-Za-z0-9_-]{43}$/);
  });
});

describe('resolveTtl', () => {
  it('defaults to 24 hours and reads text or milliseconds', () => {
    expect(resolveTtl(undefined)).toBe(86_400_000);
    expect(resolveTtl('30m')).toBe(1_800_000);
    expect(resolveTtl(3_600_000)).toBe(3_600_000);
  });

  it.each([0, 59_999, 8 * 86_400_000, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p milliseconds', (ms) => {
    expect(() => resolveTtl(ms)).toThrow(RangeError);
  });

  it('refuses bad text', () => {
    expect(() => resolveTtl('forever')).toThrow(InvalidTtlError);
  });
});

describeEachEngine('preview reads', (harness) => {
  const database = useContentDatabase(harness);

  it.each(['nl-concept', 'nl-gepland', 'nl-toekomst', 'nl-klassieker'])('loads %s by id whatever its status', async (id) => {
    const article = await getArticleForPreviewById(database(), id);
    expect(article?.id).toBe(id);
  });

  it('loads a draft by slug with its whole body, where the public read sees nothing', async () => {
    await expect(getPublicArticle(database(), 'nl', 'concept-ajax-transfer', FIXTURE_NOW)).resolves.toBeNull();
    const found = await getArticleForPreview(database(), 'nl', 'concept-ajax-transfer');
    expect(found).toMatchObject({
      kind: 'article',
      article: { id: 'nl-concept', status: 'draft', title: 'Concept: Ajax klassieker transfer', publishedAt: null },
    });
    expect(found?.kind === 'article' && found.article.body).toEqual([
      { type: 'paragraph', text: 'Geheime klassieker informatie.' },
      { type: 'video', provider: 'youtube', id: 'dQw4w9WgXcQ', title: 'De samenvatting', duration: 184 },
    ]);
  });

  it('answers moved for an old slug of an unpublished article', async () => {
    await expect(getArticleForPreview(database(), 'nl', 'toekomst-oud')).resolves.toEqual({ kind: 'moved', slug: 'toekomst-klassieker-nabeschouwing' });
  });

  it('keeps locales apart and answers null for unknown slugs and ids', async () => {
    await expect(getArticleForPreview(database(), 'en', 'concept-ajax-transfer')).resolves.toBeNull();
    await expect(getArticleForPreview(database(), 'nl', 'bestaat-niet')).resolves.toBeNull();
    await expect(getArticleForPreviewById(database(), 'bestaat-niet')).resolves.toBeNull();
  });
});
