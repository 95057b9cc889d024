import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentFile } from '@/lib/content/model';
import { formatPath, noKnownReferences, validateContentFile, type KnownReferences, type Problem } from '@/lib/content/validate';
import {
  article,
  author,
  baseArticle,
  change,
  fileWith,
  fileWithBlocks,
  fixturePath,
  section,
} from '../fixtures/import/builders';
import { invalidFixtures, matchesProblem } from '../fixtures/import/invalid-cases';

const lines = (problems: Problem[]) => problems.map((problem) => `${problem.path}: ${problem.message}`);

/** Every problem reported for `input`, as `path: message` lines (empty when valid). */
function problemsOf(input: unknown, known: KnownReferences = noKnownReferences): string[] {
  const result = validateContentFile(input, known);
  return result.ok ? [] : lines(result.problems);
}

const known = (partial: Partial<{ sections: string[]; authors: string[]; articleSlugs: Record<string, string> }>): KnownReferences => ({
  sections: new Set(partial.sections ?? []),
  authors: new Set(partial.authors ?? []),
  articleSlugs: new Map(Object.entries(partial.articleSlugs ?? {})),
});

const UNSAFE = 'only http(s) and relative links are allowed';
const SLUG = 'expected a lowercase-kebab slug (a-z, 0-9 and single hyphens)';
const DATE = 'expected an ISO 8601 date-time with zone';
const SRC = 'expected a path under the site ("/images/…") or an http(s) URL';
const IMAGE_SRC = 'expected a path under the site ("/media/…" or "/images/…")';
const REMOTE_IMAGE = 'a remote image cannot be shown: upload it to the media library and use its /media/… path';

describe('validateContentFile', () => {
  describe('accepts valid files', () => {
    it.each(['minimal.json', 'complete.json'])('accepts the fixture %s', (name) => {
      expect(problemsOf(readFileSync(fixturePath('valid', name), 'utf8'))).toEqual([]);
    });

    it('returns the parsed content, with text trimmed as the model defines', () => {
      const result = validateContentFile(fileWith([article({ title: '  Dijkstad wint  ' })]), noKnownReferences);
      expect(result.ok && result.content.articles?.[0]?.title).toBe('Dijkstad wint');
    });

    it('accepts a file with only some of the lists, and an empty file', () => {
      expect(problemsOf({ sections: [section()] })).toEqual([]);
      expect(problemsOf({})).toEqual([]);
    });

    it('accepts JSON text with a byte-order mark', () => {
      expect(problemsOf(`\uFEFF${JSON.stringify(fileWith())}`)).toEqual([]);
    });
  });

  describe('rejects each invalid fixture with its path and reason', () => {
    it.each(invalidFixtures.map((fixture) => [fixture.file, fixture] as const))('%s', (_name, fixture) => {
      const actual = problemsOf(readFileSync(fixturePath('invalid', fixture.file), 'utf8'));
      expect(actual).toHaveLength(fixture.problems.length);
      fixture.problems.forEach((expected, index) => expect(matchesProblem(actual[index] ?? '', expected)).toBe(true));
    });
  });

  describe('the file as a whole', () => {
    it.each([
      ['{"articles": [}', 1, 15],
      ['{"a": 1} trailing', 1, 10],
      ["{'single': 'quotes'}", 1, 2],
      ['{\n  "articles": [\n    { "slug": "a" },\n  ]\n}', 4, 3],
      ['{"articles": [', 1, 15],
      ['', 1, 1],
    ])('reports invalid JSON %j at line %i, column %i', (text, line, column) => {
      const problems = problemsOf(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^\\(file\\): invalid JSON at line ${line}, column ${column}: \\S`));
    });

    it.each([
      ['[]', 'an array'],
      ['null', 'null'],
      ['"articles"', 'a string'],
      ['42', 'a number'],
    ])('reports a root of %s', (text, kind) => {
      expect(problemsOf(text)).toEqual([`(file): expected a JSON object with "sections", "authors" and/or "articles", got ${kind}`]);
    });

    it('treats a value that is not a string as already-parsed JSON', () => {
      expect(problemsOf([])).toEqual(['(file): expected a JSON object with "sections", "authors" and/or "articles", got an array']);
    });

    it.each([
      [{ ...fileWith(), extra: 1 }, '(file): unknown field "extra"'],
      [fileWith(undefined, { articles: {} }), 'articles: expected an array, got an object'],
      [fileWith(undefined, { sections: 'voetbal' }), 'sections: expected an array, got a string'],
      [fileWith(undefined, { authors: null }), 'authors: expected an array, got null'],
      [fileWith(['dijkstad']), 'articles[0]: expected an object, got a string'],
    ])('reports %j as %j', (input, expected) => {
      expect(problemsOf(input)).toEqual([expected]);
    });
  });

  describe('fields', () => {
    it.each([
      ['title', 'articles[0].title: is required'],
      ['locale', 'articles[0].locale: is required; expected one of nl, en'],
      ['slug', 'articles[0].slug: is required'],
      ['status', 'articles[0].status: is required; expected one of draft, scheduled, published'],
      ['section', 'articles[0].section: is required'],
      ['authors', 'articles[0].authors: is required'],
      ['body', 'articles[0].body: is required'],
    ])('a missing article %s is required', (field, expected) => {
      expect(problemsOf(fileWith([article({ [field]: undefined })]))).toEqual([expected]);
    });

    it.each([
      ['slug', 'sections[0].slug: is required'],
      ['locale', 'sections[0].locale: is required; expected one of nl, en'],
      ['name', 'sections[0].name: is required'],
    ])('a missing section %s is required', (field, expected) => {
      expect(problemsOf(fileWith([], { sections: [section({ [field]: undefined })] }))).toEqual([expected]);
    });

    it.each([
      ['slug', 'authors[0].slug: is required'],
      ['name', 'authors[0].name: is required'],
    ])('a missing author %s is required', (field, expected) => {
      expect(problemsOf(fileWith([], { authors: [author({ [field]: undefined })] }))).toEqual([expected]);
    });

    // Real content often lacks them (issue "Real content is refused"); see the defaults in
    // docs/content-format.md.
    it.each([
      ['an article without an intro', fileWith([article({ intro: undefined })])],
      ['an author without a bio', fileWith([], { authors: [author({ bio: undefined })] })],
      ['a section without an order', fileWith([], { sections: [section({ order: undefined })] })],
    ])('accepts %s', (_name, input) => {
      expect(problemsOf(input)).toEqual([]);
    });

    it.each([
      ['intro', fileWith([article({ intro: '' })]), (content: ContentFile) => content.articles?.[0]],
      ['intro', fileWith([article({ intro: ' \n\t ' })]), (content: ContentFile) => content.articles?.[0]],
      ['bio', fileWith([], { authors: [author({ bio: '' })] }), (content: ContentFile) => content.authors?.[0]],
      ['bio', fileWith([], { authors: [author({ bio: '   ' })] }), (content: ContentFile) => content.authors?.[0]],
    ])('reads an empty or blank %s as none, as earlier exports wrote it', (field, input, item) => {
      const result = validateContentFile(input, noKnownReferences);
      if (!result.ok) throw new Error(lines(result.problems).join('\n'));
      expect(item(result.content)?.[field as keyof object]).toBeUndefined();
    });

    it.each([
      [{ intro: 42 }, 'articles[0].intro: expected a string, got a number'],
      [{ intro: null }, 'articles[0].intro: expected a string, got null'],
      [{ intro: ['Een inleiding.'] }, 'articles[0].intro: expected a string, got an array'],
      [{ intro: 'x'.repeat(601) }, 'articles[0].intro: must be at most 600 characters'],
    ])('still refuses a wrong intro: %j', (overrides, expected) => {
      expect(problemsOf(fileWith([article(overrides)]))).toEqual([expected]);
    });

    it.each([
      [{ bio: false }, 'authors[0].bio: expected a string, got false'],
      [{ bio: null }, 'authors[0].bio: expected a string, got null'],
      [{ bio: 'x'.repeat(2001) }, 'authors[0].bio: must be at most 2000 characters'],
    ])('still refuses a wrong bio: %j', (overrides, expected) => {
      expect(problemsOf(fileWith([], { authors: [author(overrides)] }))).toEqual([expected]);
    });

    it.each([
      [{ title: 2024 }, 'articles[0].title: expected a string, got a number'],
      [{ title: null }, 'articles[0].title: expected a string, got null'],
      [{ title: ['a'] }, 'articles[0].title: expected a string, got an array'],
      [{ authors: 'rian-rosendaal' }, 'articles[0].authors: expected an array, got a string'],
      [{ body: { type: 'paragraph' } }, 'articles[0].body: expected an array, got an object'],
      [{ tags: 'Eredivisie' }, 'articles[0].tags: expected an array, got a string'],
      [{ leadImage: '/images/x.webp' }, 'articles[0].leadImage: expected an object, got a string'],
      [{ status: 'live' }, 'articles[0].status: expected one of draft, scheduled, published'],
      [{ locale: 'de' }, 'articles[0].locale: expected one of nl, en'],
      [{ title: '   ' }, 'articles[0].title: must not be empty'],
      [{ title: 'x'.repeat(201) }, 'articles[0].title: must be at most 200 characters'],
      [{ authors: [] }, 'articles[0].authors: expected at least one author'],
      [{ body: [] }, 'articles[0].body: expected at least one block'],
      [{ tags: ['???'] }, 'articles[0].tags[0]: a tag name needs at least one letter or digit'],
      [{ id: 'X' }, 'articles[0].id: expected an id of 3-64 characters a-z, 0-9 and hyphens'],
      [{ bogus: true }, 'articles[0]: unknown field "bogus"'],
      [{ subtitle: 'a', kicker: 'b' }, 'articles[0]: unknown field "subtitle"'],
    ])('reports article %j', (overrides, expected) => {
      expect(problemsOf(fileWith([article(overrides)]))).toContain(expected);
    });

    it.each([
      [{ order: '1' }, 'sections[0].order: expected a number, got a string'],
      [{ order: 1.5 }, 'sections[0].order: expected a whole number'],
      [{ order: -1 }, 'sections[0].order: must be at least 0'],
      [{ order: 10_001 }, 'sections[0].order: must be at most 10000'],
      [{ order: null }, 'sections[0].order: expected a number, got null'],
      [{ name: '' }, 'sections[0].name: must not be empty'],
    ])('reports section %j', (overrides, expected) => {
      expect(problemsOf(fileWith([], { sections: [section(overrides)] }))).toEqual([expected]);
    });

    it('names every unknown field on its object', () => {
      expect(problemsOf(fileWith([article({ subtitle: 'a', kicker: 'b' })]))).toEqual([
        'articles[0]: unknown field "subtitle"',
        'articles[0]: unknown field "kicker"',
      ]);
    });
  });

  describe('blocks', () => {
    it.each([
      [{ type: 'table', rows: [] }, 'articles[0].body[0].type: unknown block type; expected one of paragraph, heading, quote, image, video'],
      [{ type: 'Paragraph', text: 'x' }, 'articles[0].body[0].type: unknown block type; expected one of paragraph, heading, quote, image, video'],
      [{ text: 'no type' }, 'articles[0].body[0].type: is required; expected one of paragraph, heading, quote, image, video'],
      ['just text', 'articles[0].body[0]: expected an object, got a string'],
      [{ type: 'paragraph' }, 'articles[0].body[0].text: is required'],
      [{ type: 'paragraph', text: 'x', html: '<b>x</b>' }, 'articles[0].body[0]: unknown field "html"'],
      [{ type: 'image', alt: 'x' }, 'articles[0].body[0].src: is required'],
      [{ type: 'quote', text: 'x', source: 5 }, 'articles[0].body[0].source: expected a string, got a number'],
    ])('reports block %j', (block, expected) => {
      expect(problemsOf(fileWithBlocks(block))).toEqual([expected]);
    });

    it.each([
      ['dailymotion', 'articles[0].body[0].provider: unknown video provider; expected one of youtube, vimeo, file'],
      ['YouTube', 'articles[0].body[0].provider: unknown video provider; expected one of youtube, vimeo, file'],
      [undefined, 'articles[0].body[0].provider: is required; expected one of youtube, vimeo, file'],
    ])('rejects the video provider %j', (provider, expected) => {
      expect(problemsOf(fileWithBlocks({ type: 'video', provider, id: 'Xk3vQ9pL2aB', title: 'Samenvatting' }))).toEqual([expected]);
    });

    it.each([
      [{ provider: 'youtube', id: 'Xk3vQ9pL2aB' }],
      [{ provider: 'vimeo', id: '76979871' }],
      [{ provider: 'file', src: '/media/goal.mp4' }],
      [{ provider: 'file', src: 'https://cdn.example.org/goal.mp4', poster: '/images/poster.webp', duration: 31 }],
    ])('accepts a video from %j', (video) => {
      expect(problemsOf(fileWithBlocks({ type: 'video', title: 'Samenvatting', ...video }))).toEqual([]);
    });

    it.each([
      [{ provider: 'youtube', id: 'https://youtu.be/Xk3vQ9pL2aB' }, 'articles[0].body[0].id: expected an 11-character YouTube video id'],
      [{ provider: 'vimeo', id: 'abc' }, 'articles[0].body[0].id: expected a numeric Vimeo video id'],
      [{ provider: 'file' }, 'articles[0].body[0].src: is required'],
      [{ provider: 'youtube', id: 'Xk3vQ9pL2aB', duration: 0 }, 'articles[0].body[0].duration: must be greater than 0'],
      [{ provider: 'youtube', id: 'Xk3vQ9pL2aB', duration: 86_401 }, 'articles[0].body[0].duration: must be at most 86400'],
      [{ provider: 'youtube', id: 'Xk3vQ9pL2aB', duration: '4:34' }, 'articles[0].body[0].duration: expected a number, got a string'],
      [{ provider: 'youtube', id: 'Xk3vQ9pL2aB', duration: 12.5 }, 'articles[0].body[0].duration: expected a whole number of seconds'],
      [{ provider: 'youtube', id: 'Xk3vQ9pL2aB', src: '/x.mp4' }, 'articles[0].body[0]: unknown field "src"'],
    ])('reports video %j', (video, expected) => {
      expect(problemsOf(fileWithBlocks({ type: 'video', title: 'Samenvatting', ...video }))).toEqual([expected]);
    });
  });

  describe('slugs', () => {
    it.each(['Real Madrid', 'Real-Madrid', 'real_madrid', 'real--madrid', '-real', 'real-', 'één', 'wk/2026', ''])(
      'rejects the non-kebab slug %j wherever a slug goes',
      (slug) => {
        const input = fileWith([article({ slug, section: slug, authors: [slug], previousSlugs: [slug] })], {
          sections: [section({ slug })],
          authors: [author({ slug })],
        });
        const problems = problemsOf(input);
        for (const path of ['sections[0].slug', 'authors[0].slug', 'articles[0].slug', 'articles[0].section', 'articles[0].authors[0]', 'articles[0].previousSlugs[0]']) {
          expect(problems).toContain(`${path}: ${SLUG}`);
        }
      },
    );

    it('rejects a slug longer than 120 characters', () => {
      expect(problemsOf(fileWith([article({ slug: 'a'.repeat(121) })]))).toEqual(['articles[0].slug: must be at most 120 characters']);
    });
  });

  describe('timestamps', () => {
    it.each(['2024-03-10T15:45:00', '2024-03-10', '2024-03-10 15:45:00Z', '10-03-2024 15:45', '2024-02-30T10:00:00Z', '2024-03-10T15:45:00 CET', 1710081900000])(
      'rejects publishedAt %j',
      (publishedAt) => {
        expect(problemsOf(fileWith([article({ publishedAt })]))).toEqual([
          typeof publishedAt === 'number' ? 'articles[0].publishedAt: expected a string, got a number' : `articles[0].publishedAt: ${DATE}`,
        ]);
      },
    );

    it.each(['2024-03-10T15:45:00Z', '2024-03-10T15:45:00+01:00', '2024-03-10T15:45:00.123-05:00', '2024-03-10T14:45:00.5Z'])(
      'accepts publishedAt %j',
      (publishedAt) => {
        expect(problemsOf(fileWith([article({ publishedAt })]))).toEqual([]);
      },
    );

    it('rejects an updatedAt without a zone', () => {
      expect(problemsOf(fileWith([article({ updatedAt: '2024-03-11T09:00:00' })]))).toEqual([`articles[0].updatedAt: ${DATE}`]);
    });
  });

  describe('links and media sources', () => {
    it.each([
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0000javascript:alert(1)',
      'javascript&#58;alert(1)'.replace('&#58;', ':'),
      'data:text/html,<script>alert(1)</script>',
      'DATA:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox(1)',
      '//evil.example/phish',
      '/\\evil.example',
      '\\\\evil.example',
      'https://',
      'ftp://example.org/file',
      'mailto:redactie@example.org',
    ])('rejects the link target %j in paragraph text', (href) => {
      const problems = problemsOf(fileWithBlocks({ type: 'paragraph', text: `Lees [dit stuk](${href}) nu.` }));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^articles\[0\]\.body\[0\]\.text: unsafe link ".*": only http\(s\) and relative links are allowed$/s);
      expect(problems[0]).toContain(UNSAFE);
    });

    it('reports every unsafe link in a paragraph, nested ones too', () => {
      const text = 'Zie [a](javascript:void) en [**[b](vbscript:x)**](/ok) en [c](https://example.org).';
      expect(problemsOf(fileWithBlocks({ type: 'paragraph', text }))).toEqual([
        `articles[0].body[0].text: unsafe link "javascript:void": ${UNSAFE}`,
        `articles[0].body[0].text: unsafe link "vbscript:x": ${UNSAFE}`,
      ]);
    });

    it.each(['https://example.org/stand', 'HTTP://EXAMPLE.ORG', '/nieuws/derby', 'derby', '#reacties', '?pagina=2', 'javascript%3Aalert(1)'])(
      'accepts the link target %j',
      (href) => {
        expect(problemsOf(fileWithBlocks({ type: 'paragraph', text: `Lees [dit stuk](${href}).` }))).toEqual([]);
      },
    );

    it.each([
      ['leadImage.src', { leadImage: { src: 'javascript:alert(1)', alt: 'x' } }, 'articles[0].leadImage.src', IMAGE_SRC],
      ['an image block', { body: [{ type: 'image', src: '//evil.example/x.jpg', alt: 'x' }] }, 'articles[0].body[0].src', REMOTE_IMAGE],
      ['a video poster', { body: [{ type: 'video', provider: 'vimeo', id: '1', title: 't', poster: 'data:image/png;base64,AAAA' }] }, 'articles[0].body[0].poster', IMAGE_SRC],
      ['a video file', { body: [{ type: 'video', provider: 'file', title: 't', src: 'vbscript:x' }] }, 'articles[0].body[0].src', SRC],
      ['a relative video file', { body: [{ type: 'video', provider: 'file', title: 't', src: 'media/x.mp4' }] }, 'articles[0].body[0].src', SRC],
    ])('rejects an unsafe source in %s', (_where, overrides, path, message) => {
      expect(problemsOf(fileWith([article(overrides)]))).toEqual([`${path}: ${message}`]);
    });

    it('rejects an unsafe author image', () => {
      expect(problemsOf(fileWith([article()], { authors: [author({ image: 'javascript:alert(1)' })] }))).toEqual([`authors[0].image: ${IMAGE_SRC}`]);
    });

    it.each([
      ['an image in the body', { body: [{ type: 'paragraph', text: 'Eerst tekst.' }, { type: 'image', src: 'https://images.example.org/derby.jpg', alt: 'x' }] }, 'articles[0].body[1].src'],
      ['the lead image', { leadImage: { src: 'http://images.example.org/derby.jpg', alt: 'x' } }, 'articles[0].leadImage.src'],
      ['a video poster', { body: [{ type: 'video', provider: 'youtube', id: 'Xk3vQ9pL2aB', title: 't', poster: 'HTTPS://i.example.org/p.jpg' }] }, 'articles[0].body[0].poster'],
    ])('refuses a remote image URL in %s, which the site cannot show, and says what to do', (_where, overrides, path) => {
      expect(problemsOf(fileWith([article(overrides)]))).toEqual([`${path}: ${REMOTE_IMAGE}`]);
    });

    it('refuses a remote author portrait', () => {
      expect(problemsOf(fileWith([article()], { authors: [author({ image: 'https://images.example.org/rian.jpg' })] }))).toEqual([`authors[0].image: ${REMOTE_IMAGE}`]);
    });
  });

  describe('cross-field rules', () => {
    it.each([
      [{ status: 'published', publishedAt: undefined }, 'articles[0].publishedAt: is required for a published article'],
      [{ status: 'scheduled', publishedAt: undefined }, 'articles[0].publishedAt: is required for a scheduled article'],
      [{ authors: ['rian-rosendaal', 'rian-rosendaal'] }, 'articles[0].authors[1]: author "rian-rosendaal" is listed twice'],
      [{ previousSlugs: ['dijkstad-wint-derby'] }, 'articles[0].previousSlugs[0]: must differ from the current slug'],
    ])('reports %j', (overrides, expected) => {
      expect(problemsOf(fileWith([article(overrides)]))).toEqual([expected]);
    });

    it('lets a draft go without publishedAt', () => {
      expect(problemsOf(fileWith([article({ status: 'draft', publishedAt: undefined })]))).toEqual([]);
    });

    it.each(['scheduled', 'published', 'draft'])('lets a %s article’s last edit lie before its publication time', (status) => {
      // Written and edited on the 9th, published on the 10th: readers see no update (lib/content/updates.ts).
      expect(problemsOf(fileWith([article({ status, publishedAt: '2024-03-10T15:45:00+01:00', updatedAt: '2024-03-09T17:20:00+01:00' })]))).toEqual([]);
    });

    it('still reports them when other fields of the same article fail', () => {
      const input = fileWith([
        article({
          title: 2024,
          body: [{ type: 'table' }],
          publishedAt: undefined,
          authors: ['rian-rosendaal', 'rian-rosendaal'],
          previousSlugs: ['dijkstad-wint-derby'],
        }),
      ]);
      expect(problemsOf(input)).toEqual([
        'articles[0].title: expected a string, got a number',
        'articles[0].body[0].type: unknown block type; expected one of paragraph, heading, quote, image, video',
        'articles[0].publishedAt: is required for a published article',
        'articles[0].authors[1]: author "rian-rosendaal" is listed twice',
        'articles[0].previousSlugs[0]: must differ from the current slug',
      ]);
    });

    it.each([
      ['status is invalid', { status: 'live', publishedAt: undefined }, 'articles[0].status: expected one of draft, scheduled, published'],
      ['publishedAt is invalid', { publishedAt: 'yesterday' }, `articles[0].publishedAt: ${DATE}`],
      ['updatedAt is invalid', { updatedAt: 'yesterday' }, `articles[0].updatedAt: ${DATE}`],
    ])('stays quiet about a rule whose own input is invalid (%s)', (_case, overrides, expected) => {
      expect(problemsOf(fileWith([article(overrides)]))).toEqual([expected]);
    });
  });

  describe('rules within the file', () => {
    const other = (overrides: Record<string, unknown>) => article({ title: 'Een ander stuk', ...overrides });

    it.each([
      ['the same slug twice in one locale', [article(), other({})], ['articles[1].slug: duplicate slug "dijkstad-wint-derby" for nl; also used by articles[0]']],
      [
        'a previous slug that is another article’s slug',
        [article(), other({ slug: 'ander-stuk', previousSlugs: ['dijkstad-wint-derby'] })],
        ['articles[1].previousSlugs[0]: duplicate slug "dijkstad-wint-derby" for nl; also used by articles[0]'],
      ],
      [
        'a slug that is another article’s previous slug',
        [article({ slug: 'nieuw', previousSlugs: ['oud'] }), other({ slug: 'oud' })],
        ['articles[1].slug: duplicate slug "oud" for nl; also used by articles[0] (as a previous slug)'],
      ],
      [
        'one previous slug listed twice',
        [article({ previousSlugs: ['oud', 'oud'] })],
        ['articles[0].previousSlugs[1]: "oud" is listed twice'],
      ],
      [
        'the same id twice',
        [article({ id: 'derby-1' }), other({ id: 'derby-1', slug: 'ander-stuk' })],
        ['articles[1].id: id "derby-1" is used by articles[0] too'],
      ],
      [
        'tags whose slugs collide',
        [article({ tags: ['Real Madrid', 'WK 2026', 'real-madrid', 'wk 2026'] })],
        [
          'articles[0].tags[2]: tag "real-madrid" has the same slug "real-madrid" as tags[0]',
          'articles[0].tags[3]: tag "wk 2026" has the same slug "wk-2026" as tags[1]',
        ],
      ],
    ])('reports %s', (_case, articles, expected) => {
      expect(problemsOf(fileWith(articles))).toEqual(expected);
    });

    it('allows the same slug in two locales', () => {
      const input = fileWith([article(), article({ locale: 'en', section: 'football' })], {
        sections: [section(), section({ locale: 'en', slug: 'football', name: 'Football' })],
      });
      expect(problemsOf(input)).toEqual([]);
    });

    it('allows the same tag in several articles', () => {
      expect(problemsOf(fileWith([article({ tags: ['Eredivisie'] }), article({ slug: 'ander-stuk', tags: ['Eredivisie'] })]))).toEqual([]);
    });

    it.each([
      ['a section twice in one locale', { sections: [section(), section({ name: 'Nogmaals' })] }, ['sections[1].slug: duplicate section "voetbal" for nl; also at sections[0]']],
      ['an author twice', { authors: [author(), author({ name: 'R. Rosendaal' })] }, ['authors[1].slug: duplicate author "rian-rosendaal"; also at authors[0]']],
      ['the same section slug in two locales', { sections: [section(), section({ locale: 'en', name: 'Football' })] }, []],
    ])('checks %s', (_case, extra, expected) => {
      expect(problemsOf(fileWith([article()], extra))).toEqual(expected);
    });
  });

  describe('references', () => {
    const unknownSection = 'articles[0].section: unknown section "handbal" for nl; add it to "sections" or import it first';

    it.each([
      ['neither in the file nor in the database', fileWith([article({ section: 'handbal' })]), noKnownReferences, [unknownSection]],
      ['in the database', fileWith([article({ section: 'handbal' })]), known({ sections: ['nl/handbal'] }), []],
      [
        'only in the other locale, in the file',
        fileWith([article({ section: 'handbal' })], { sections: [section(), section({ locale: 'en', slug: 'handbal', name: 'Handball' })] }),
        noKnownReferences,
        ['articles[0].section: unknown section "handbal" for nl (it exists only in another locale); add it to "sections" or import it first'],
      ],
      [
        'only in the other locale, in the database',
        fileWith([article({ section: 'handbal' })]),
        known({ sections: ['en/handbal'] }),
        ['articles[0].section: unknown section "handbal" for nl (it exists only in another locale); add it to "sections" or import it first'],
      ],
    ])('checks a section %s', (_case, input, references, expected) => {
      expect(problemsOf(input, references)).toEqual(expected);
    });

    it.each([
      ['unknown', noKnownReferences, ['articles[0].authors[1]: unknown author "noor-visser"; add it to "authors" or import it first']],
      ['in the database', known({ authors: ['noor-visser'] }), []],
    ])('checks an author who is %s', (_case, references, expected) => {
      expect(problemsOf(fileWith([article({ authors: ['rian-rosendaal', 'noor-visser'] })]), references)).toEqual(expected);
    });

    it('needs no sections or authors in the file when the database has them', () => {
      expect(problemsOf({ articles: [baseArticle] }, known({ sections: ['nl/voetbal'], authors: ['rian-rosendaal'] }))).toEqual([]);
    });

    const database = known({ articleSlugs: { 'nl/dijkstad-wint-derby': 'derby-1', 'nl/oude-slug': 'derby-2', 'nl/eerdere-slug': 'derby-1' } });
    it.each([
      ['a slug of another article, with an id', { id: 'derby-9' }, ['articles[0].slug: "dijkstad-wint-derby" already belongs to article "derby-1" in the database']],
      ['its own slug, with its id', { id: 'derby-1' }, []],
      ['a slug of another article, without an id (it updates that article)', {}, []],
      [
        'a previous slug of another article, with an id',
        { id: 'derby-1', previousSlugs: ['oude-slug'] },
        ['articles[0].previousSlugs[0]: "oude-slug" already belongs to article "derby-2" in the database'],
      ],
      ['the same slug in the other locale', { id: 'derby-9', locale: 'en', section: 'football' }, []],
      ['its own previous slug, without an id', { previousSlugs: ['eerdere-slug'] }, []],
      [
        'a previous slug of another article, without an id',
        { previousSlugs: ['oude-slug'] },
        ['articles[0].previousSlugs[0]: "oude-slug" already belongs to article "derby-2" in the database'],
      ],
      [
        'a stored slug as the previous slug of a new article',
        { slug: 'nieuw-stuk', previousSlugs: ['oude-slug'] },
        ['articles[0].previousSlugs[0]: "oude-slug" already belongs to article "derby-2" in the database'],
      ],
    ])('checks %s', (_case, overrides, expected) => {
      const input = fileWith([article(overrides)], { sections: [section(), section({ locale: 'en', slug: 'football', name: 'Football' })] });
      expect(problemsOf(input, database)).toEqual(expected);
    });
  });

  it('reports several problems in one file, in file order', () => {
    const input = change(fileWith(), {
      extra: true,
      sections: [section({ slug: 'Voetbal' }), section()],
      articles: [
        article({ section: 'handbal', publishedAt: '2024-03-10T15:45:00' }),
        article({ slug: 'tweede', body: [{ type: 'video', provider: 'dailymotion', id: 'x', title: 't' }] }),
        article({ slug: 'derde', authors: ['onbekend'], body: [{ type: 'paragraph', text: '[x](javascript:alert(1))' }] }),
      ],
    });
    expect(problemsOf(input)).toEqual([
      '(file): unknown field "extra"',
      `sections[0].slug: ${SLUG}`,
      `articles[0].publishedAt: ${DATE}`,
      'articles[0].section: unknown section "handbal" for nl; add it to "sections" or import it first',
      'articles[1].body[0].provider: unknown video provider; expected one of youtube, vimeo, file',
      `articles[2].body[0].text: unsafe link "javascript:alert(1": ${UNSAFE}`,
      'articles[2].authors[0]: unknown author "onbekend"; add it to "authors" or import it first',
    ]);
  });
});

describe('the examples in docs/content-format.md', () => {
  const page = readFileSync(path.join(__dirname, '..', '..', 'docs', 'content-format.md'), 'utf8');
  const examples = [...page.matchAll(/```json\n([\s\S]*?)```/g)]
    .map((match) => match[1] ?? '')
    .filter((text) => !text.includes('…'))
    .map((text) => [text.split('\n')[0]?.slice(0, 70) ?? '', JSON.parse(text) as unknown] as const);

  it('has examples', () => {
    expect(examples.length).toBeGreaterThan(8);
  });

  it.each(examples)('%s… is valid', (_start, example) => {
    const has = (key: string) => typeof example === 'object' && example !== null && key in example;
    // A block has a type; a section a name and a locale; an author a name alone (order and bio are optional).
    const input = has('type')
      ? fileWithBlocks(example)
      : has('name') && has('locale')
        ? fileWith([], { sections: [example] })
        : has('name')
          ? fileWith([], { authors: [example] })
          : example;
    expect(problemsOf(input)).toEqual([]);
  });
});

describe('formatPath', () => {
  it.each([
    [[], '(file)'],
    [['articles'], 'articles'],
    [['articles', 1, 'publishedAt'], 'articles[1].publishedAt'],
    [['articles', 0, 'body', 3, 'type'], 'articles[0].body[3].type'],
    [['articles', 0, 'odd key'], 'articles[0]["odd key"]'],
  ])('%j → %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});
