import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { exportContent } from '@/lib/data/export';
import type { ArticleInput, ContentFile } from '@/lib/content/model';
import { combineDemoFiles, DEMO_CONTENT_DIR, seedShiftMs, shiftContentDates, SEED_NEWEST_AGE_MS } from '@/lib/content/seed';
import { seedDemoContent } from '@/lib/data/interchange';
import { noKnownReferences, validateContentFile } from '@/lib/content/validate';
import { article, author, baseArticle, section } from '../fixtures/import/builders';
import type { Database } from '@/lib/db/connection';
import { describeEachEngine } from '../data/engines';

const MINUTE = 60_000;
const DEMO_DIR = path.join(__dirname, '..', '..', DEMO_CONTENT_DIR);

const dated = (overrides: Partial<ArticleInput>): ArticleInput => ({ ...baseArticle, ...overrides });
const contentOf = (...articles: ArticleInput[]): ContentFile => ({ articles });
const instants = (content: ContentFile, field: 'publishedAt' | 'updatedAt') =>
  (content.articles ?? []).map((item) => (item[field] === undefined ? undefined : Date.parse(item[field] ?? '')));

describe('shiftContentDates', () => {
  const content = contentOf(
    dated({ slug: 'oud', publishedAt: '2024-03-08T09:00:00+01:00', updatedAt: '2024-03-09T10:30:00Z' }),
    dated({ slug: 'nieuwst', publishedAt: '2024-03-10T15:45:00+01:00' }),
    dated({ slug: 'concept', status: 'draft', publishedAt: undefined }),
    dated({ slug: 'gepland', status: 'scheduled', publishedAt: '2024-03-11T08:00:00Z' }),
  );

  it.each([
    ['a minute boundary', '2026-03-15T12:00:00.000Z', '2026-03-15T11:50:00.000Z'],
    ['the middle of a minute', '2026-03-15T12:00:42.317Z', '2026-03-15T11:50:00.000Z'],
    ['a day boundary', '2026-01-01T00:05:00.000Z', '2025-12-31T23:55:00.000Z'],
    ['a date before the content', '2001-06-01T08:00:00.000Z', '2001-06-01T07:50:00.000Z'],
  ])('puts the newest published article 10 minutes before now, at %s', (_case, now, newest) => {
    const shifted = shiftContentDates(content, new Date(now));
    expect(shifted.articles?.[1]?.publishedAt).toBe(newest);
  });

  it('moves every timestamp by the same amount, keeping order and spacing', () => {
    const now = new Date('2026-03-15T12:00:00Z');
    const shift = seedShiftMs(content, now);
    const shifted = shiftContentDates(content, now);
    for (const field of ['publishedAt', 'updatedAt'] as const) {
      expect(instants(shifted, field)).toEqual(instants(content, field).map((value) => (value === undefined ? undefined : value + shift)));
    }
  });

  it('keeps a scheduled article in the future, by as much as before', () => {
    const now = new Date('2026-03-15T12:00:00Z');
    const scheduled = Date.parse(shiftContentDates(content, now).articles?.[3]?.publishedAt ?? '');
    expect(scheduled - now.getTime()).toBe(Date.parse('2024-03-11T08:00:00Z') - Date.parse('2024-03-10T14:45:00Z') - SEED_NEWEST_AGE_MS);
  });

  it('ignores drafts and scheduled articles when finding the newest published one', () => {
    const now = new Date('2026-03-15T12:00:00Z');
    expect(seedShiftMs(content, now)).toBe(Date.parse('2026-03-15T11:50:00Z') - Date.parse('2024-03-10T14:45:00Z'));
  });

  it('leaves undated drafts and every other field alone, and does not touch its input', () => {
    const copy = structuredClone(content);
    const shifted = shiftContentDates(content, new Date('2026-03-15T12:00:00Z'));
    expect(content).toEqual(copy);
    expect(shifted.articles?.[2]).toEqual(content.articles?.[2]);
    expect(shifted.articles?.map(({ publishedAt: _p, updatedAt: _u, ...rest }) => rest)).toEqual(
      content.articles?.map(({ publishedAt: _p, updatedAt: _u, ...rest }) => rest),
    );
  });

  it('writes UTC timestamps the content model accepts', () => {
    const shifted = shiftContentDates(content, new Date('2026-03-15T12:00:00Z'));
    expect(validateContentFile({ sections: [section()], authors: [author()], ...shifted }, noKnownReferences).ok).toBe(true);
    for (const value of instants(shifted, 'publishedAt')) if (value !== undefined) expect(new Date(value).toISOString()).toMatch(/Z$/);
  });

  it('changes nothing when there is no published article', () => {
    const drafts = contentOf(dated({ status: 'draft', publishedAt: '2024-03-10T15:45:00Z' }));
    expect(seedShiftMs(drafts, new Date())).toBe(0);
    expect(shiftContentDates({}, new Date())).toEqual({});
  });

  it('accepts a custom age', () => {
    const shifted = shiftContentDates(content, new Date('2026-03-15T12:00:00Z'), 2 * 60 * MINUTE);
    expect(shifted.articles?.[1]?.publishedAt).toBe('2026-03-15T10:00:00.000Z');
  });
});

describe('combineDemoFiles', () => {
  const file = (name: string, value: unknown) => ({ name, text: JSON.stringify(value) });

  it('combines the lists and merges a section or author copied identically into several files', () => {
    const { combined, problems } = combineDemoFiles([
      file('en.json', { authors: [author()], articles: [article({ locale: 'en', slug: 'a' })] }),
      file('nl.json', { sections: [section()], authors: [author()], articles: [article({ slug: 'b' })] }),
    ]);
    expect(problems).toEqual([]);
    expect(combined.authors).toHaveLength(1);
    expect(combined.articles).toHaveLength(2);
  });

  it('keeps a different author with the same slug, so validation reports it against its own file', () => {
    const { combined, locate } = combineDemoFiles([
      file('en.json', { authors: [author()] }),
      file('nl.json', { sections: [section()], authors: [author({ bio: 'Anders.' })], articles: [article(), article({ slug: 'Fout' })] }),
    ]);
    const result = validateContentFile(combined, noKnownReferences);
    expect(result.ok ? [] : result.problems.map(locate)).toEqual([
      { path: 'nl.json: authors[0].slug', message: 'duplicate author "rian-rosendaal"; also at authors[0]' },
      { path: 'nl.json: articles[1].slug', message: 'expected a lowercase-kebab slug (a-z, 0-9 and single hyphens)' },
    ]);
  });

  it.each([
    [{ name: 'nl.json', text: '{"articles": [' }, /^invalid JSON at line 1, column 15: /],
    [file('nl.json', []), /^expected a JSON object/],
    [file('nl.json', { articles: {} }), /^expected an array$/],
    [file('nl.json', { posts: [] }), /^unknown field "posts"$/],
  ])('reports a broken file against its name: %j', (broken, message) => {
    const { problems } = combineDemoFiles([broken]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toMatch(/^nl\.json/);
    expect(problems[0]?.message).toMatch(message);
  });
});

describe('the demo content', () => {
  const files = readdirSync(DEMO_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(DEMO_DIR, name), 'utf8') }));
  const { combined, problems, locate } = combineDemoFiles(files);
  const validation = validateContentFile(combined, noKnownReferences);

  it('is one valid import', () => {
    expect(problems).toEqual([]);
    expect(validation.ok ? [] : validation.problems.map(locate)).toEqual([]);
  });

  it('once shifted, has articles from today, yesterday and earlier in the site zone', () => {
    if (!validation.ok) throw new Error('the demo content is invalid');
    const now = new Date('2026-03-15T11:00:00Z'); // noon in Amsterdam
    const day = (instant: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(instant);
    const days = new Set(
      (shiftContentDates(validation.content, now).articles ?? [])
        .filter((item) => item.status === 'published' && item.publishedAt !== undefined)
        .map((item) => day(Date.parse(item.publishedAt ?? ''))),
    );
    expect(days).toContain('2026-03-15');
    expect(days).toContain('2026-03-14');
    expect([...days].some((value) => value < '2026-03-14')).toBe(true);
  });
});

describeEachEngine('seeding', (harness) => {
  let database: Database;
  beforeEach(async () => {
    database = await harness.fresh();
  });
  afterEach(async () => {
    await database.close();
  });

  const now = new Date('2026-03-15T11:00:00Z');

  it('loads every demo file as one import, dated relative to now', async () => {
    const outcome = await seedDemoContent(database, { dir: DEMO_DIR, now });
    if (!outcome.ok || 'skipped' in outcome) throw new Error('expected the demo to load');
    expect(outcome.articles.length).toBeGreaterThan(0);
    expect(outcome.articles.every((item) => item.action === 'created')).toBe(true);

    const stored = await exportContent(database);
    const newest = Math.max(
      ...(stored.articles ?? []).filter((item) => item.status === 'published').map((item) => Date.parse(item.publishedAt ?? '')),
    );
    expect(newest).toBe(now.getTime() - SEED_NEWEST_AGE_MS);
  });

  it('does nothing with ifEmpty once the database holds articles', async () => {
    await seedDemoContent(database, { dir: DEMO_DIR, now });
    const before = await exportContent(database);
    expect(await seedDemoContent(database, { dir: DEMO_DIR, now: new Date(), ifEmpty: true })).toEqual({ ok: true, skipped: true });
    expect(await exportContent(database)).toEqual(before);
  });

  it('is idempotent for the same moment', async () => {
    await seedDemoContent(database, { dir: DEMO_DIR, now });
    const again = await seedDemoContent(database, { dir: DEMO_DIR, now });
    expect(again.ok && !('skipped' in again) && again.articles.every((item) => item.action === 'unchanged')).toBe(true);
  });
});
