/**
 * The body text syntax the desk's body field uses (lib/content/body-text.ts): every body survives
 * a round trip unchanged, markers inside text are escaped, and syntax errors name their line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { bodyToText, parseBodyText, parseDurationText } from '@/lib/content/body-text';
import { BlockSchema, ContentFileSchema, type Block } from '@/lib/content/model';

const ROOT = path.join(__dirname, '..', '..');
const demoArticles = (['nl', 'en'] as const).flatMap((locale) => {
  const file = ContentFileSchema.parse(JSON.parse(readFileSync(path.join(ROOT, 'content', 'demo', `${locale}.json`), 'utf8')));
  return file.articles ?? [];
});

const roundTrip = (blocks: Block[]) => parseBodyText(bodyToText(blocks));

describe('bodyToText and parseBodyText', () => {
  it('has demo articles to check', () => {
    expect(demoArticles.length).toBeGreaterThan(10);
  });

  it.each(demoArticles.map((article) => [article.slug, article.body] as const))('round-trips the demo body of %s', (_slug, body) => {
    const parsed = roundTrip(body);
    expect(parsed.problems).toEqual([]);
    expect(parsed.blocks).toStrictEqual(body);
    expect(parsed.lines).toHaveLength(body.length);
  });

  const edgeCases: [string, Block[]][] = [
    ['a paragraph starting with "##"', [{ type: 'paragraph', text: '## not a heading' }]],
    ['a paragraph starting with "#"', [{ type: 'paragraph', text: '# nummer 1 en #2' }]],
    ['a paragraph starting with ">"', [{ type: 'paragraph', text: '> 5 doelpunten' }]],
    ['a paragraph starting with the image marker', [{ type: 'paragraph', text: '!image /x.webp | alt' }]],
    ['a paragraph starting with the video marker', [{ type: 'paragraph', text: '!video youtube Xk3vQ9pL2aB | t' }]],
    ['a marker on a later line of a paragraph', [{ type: 'paragraph', text: 'Eerste regel\n## tweede\n> derde\n!image vierde' }]],
    ['a paragraph with a blank line inside', [{ type: 'paragraph', text: 'boven\n\nonder' }]],
    ['a paragraph with a whitespace-only line inside', [{ type: 'paragraph', text: 'boven\n   \nonder' }]],
    ['a paragraph line that is a lone backslash', [{ type: 'paragraph', text: 'a\n\\\nb' }]],
    ['a paragraph line of backslashes before a marker', [{ type: 'paragraph', text: '\\\\## twee' }]],
    ['inline escapes at a line start', [{ type: 'paragraph', text: '\\*geen cursief\\* en \\[geen link\\]' }]],
    ['inline marks and links', [{ type: 'paragraph', text: 'Met **vet**, *cursief* en [een link](https://example.org/a?b=c|d).' }]],
    ['hostile text', [{ type: 'paragraph', text: '<script>alert(1)</script> & "quotes"' }]],
    ['consecutive paragraphs', [{ type: 'paragraph', text: 'een' }, { type: 'paragraph', text: 'twee' }]],
    ['a heading with a backslash, a pipe and a line break', [{ type: 'heading', text: 'Links\\rechts | boven\nonder \\n' }]],
    ['a heading starting with "#"', [{ type: 'heading', text: '# 1 van de wereld' }]],
    ['a quote without a source', [{ type: 'quote', text: 'We hebben nog alles in eigen hand.' }]],
    ['a quote over several lines with a blank one', [{ type: 'quote', text: 'Regel een\n\n> Regel drie\n-- geen bron', source: 'Joris' }]],
    ['a quote source with a line break', [{ type: 'quote', text: 'Tekst', source: 'Joris\nWesselink -- trainer' }]],
    ['an image with alt only', [{ type: 'image', src: '/images/a.webp', alt: 'Spelers juichen' }]],
    ['a decorative image', [{ type: 'image', src: '/images/a.webp', alt: '' }]],
    ['an image with a credit but no caption', [{ type: 'image', src: '/images/a.webp', alt: 'a', credit: 'Foto: ANP' }]],
    [
      'image fields with pipes, backslashes and line breaks',
      [{ type: 'image', src: '/media/3f9a0c2e1b7d4a5f8e6c9b0a1d2e3f40.webp?x=1', alt: 'a | b', caption: 'c\\d\nregel 2', credit: 'Foto | ANP' }],
    ],
    ['a YouTube video', [{ type: 'video', provider: 'youtube', id: 'Xk3vQ9pL2aB', title: 'Samenvatting', duration: 274 }]],
    ['a Vimeo video with a poster but no duration', [{ type: 'video', provider: 'vimeo', id: '76979871', title: 'Pers', poster: '/images/p.webp' }]],
    [
      'a video file over an hour long',
      [{ type: 'video', provider: 'file', src: '/media/3f9a.mp4', title: 'Hele wedstrijd | deel 1', duration: 5423, poster: '/media/p.webp' }],
    ],
    ['a YouTube id with a dash and underscore', [{ type: 'video', provider: 'youtube', id: '-_abcdefghi', title: 't' }]],
  ];

  it.each(edgeCases)('round-trips %s', (_name, blocks) => {
    for (const block of blocks) expect(BlockSchema.safeParse(block).success).toBe(true);
    const parsed = roundTrip(blocks);
    expect(parsed.problems).toEqual([]);
    expect(parsed.blocks).toStrictEqual(blocks);
  });

  it('round-trips every edge case together in one body', () => {
    const all = edgeCases.flatMap(([, blocks]) => blocks);
    expect(roundTrip(all).blocks).toStrictEqual(all);
  });

  it('writes the documented syntax', () => {
    const text = bodyToText([
      { type: 'paragraph', text: 'Een **alinea**.' },
      { type: 'heading', text: 'Tussenkop' },
      { type: 'quote', text: 'Citaat', source: 'Bron' },
      { type: 'image', src: '/images/a.webp', alt: 'Alt', caption: 'Onderschrift', credit: 'Foto: ANP' },
      { type: 'video', provider: 'youtube', id: 'Xk3vQ9pL2aB', title: 'Titel', duration: 274, poster: '/images/p.webp' },
      { type: 'paragraph', text: '## geen kop' },
    ]);
    expect(text).toBe(
      [
        'Een **alinea**.',
        '## Tussenkop',
        '> Citaat\n-- Bron',
        '!image /images/a.webp | Alt | Onderschrift | Foto: ANP',
        '!video youtube Xk3vQ9pL2aB | Titel | 4:34 | /images/p.webp',
        '\\## geen kop',
      ].join('\n\n'),
    );
  });
});

describe('parseBodyText', () => {
  it('reads blocks with the line each starts on', () => {
    const parsed = parseBodyText(
      ['Eerste alinea', 'loopt door.', '', '', '## Kop', 'Direct onder de kop.', '> Citaat', '— Bron', '!image /a.webp | Alt', '!video vimeo 123 | Titel | 75'].join(
        '\n',
      ),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.blocks).toStrictEqual([
      { type: 'paragraph', text: 'Eerste alinea\nloopt door.' },
      { type: 'heading', text: 'Kop' },
      { type: 'paragraph', text: 'Direct onder de kop.' },
      { type: 'quote', text: 'Citaat', source: 'Bron' },
      { type: 'image', src: '/a.webp', alt: 'Alt' },
      { type: 'video', provider: 'vimeo', id: '123', title: 'Titel', duration: 75 },
    ]);
    expect(parsed.lines).toEqual([1, 5, 6, 7, 9, 10]);
  });

  it('accepts Windows line endings and surrounding blank lines', () => {
    const parsed = parseBodyText('\r\n\r\n## Kop\r\nTekst\r\n\r\n');
    expect(parsed.blocks).toStrictEqual([
      { type: 'heading', text: 'Kop' },
      { type: 'paragraph', text: 'Tekst' },
    ]);
    expect(parsed.lines).toEqual([3, 4]);
  });

  it('gives no blocks for empty text, leaving "at least one block" to the schema', () => {
    expect(parseBodyText('  \n\n')).toEqual({ blocks: [], lines: [], problems: [] });
  });

  it('keeps hostile text as text', () => {
    const parsed = parseBodyText('<img src=x onerror=alert(1)>\n\n## <script>');
    expect(parsed.blocks).toStrictEqual([
      { type: 'paragraph', text: '<img src=x onerror=alert(1)>' },
      { type: 'heading', text: '<script>' },
    ]);
  });

  it('leaves field validation to the block schema, whose problems map back to lines', () => {
    const parsed = parseBodyText('Intro\n\n!video youtube not-an-id | Titel\n\n!image javascript:alert(1) | alt');
    expect(parsed.problems).toEqual([]);
    const result = z.array(BlockSchema).safeParse(parsed.blocks);
    expect(result.success).toBe(false);
    const failingBlocks = new Set(result.error?.issues.map((issue) => issue.path[0]));
    expect([...failingBlocks].map((index) => parsed.lines[index as number])).toEqual([3, 5]);
  });

  it.each([
    ['# Kop', 1, 'write a heading as "## text"'],
    ['### Kop', 1, 'write a heading as "## text"'],
    ['!image', 1, 'the image has no src'],
    ['!image /a.webp', 1, 'the image has no alt text'],
    ['!image /a b.webp | alt', 1, 'must not contain spaces'],
    ['!image /a.webp | a | b | c | d', 1, 'more than four fields'],
    ['tekst\n\n!video', 3, 'the video has no provider'],
    ['!video dailymotion x7tgad0 | Titel', 1, 'unknown video provider "dailymotion"'],
    ['!video youtube | Titel', 1, 'the video has no youtube id'],
    ['!video file | Titel', 1, 'the video has no src'],
    ['!video youtube Xk3vQ9pL2aB Xk3vQ9pL2aC | Titel', 1, 'expected one id after "youtube"'],
    ['!video youtube Xk3vQ9pL2aB', 1, 'the video has no title'],
    ['!video youtube Xk3vQ9pL2aB | Titel | vier minuten', 1, '"vier minuten" is not a duration'],
    ['!video youtube Xk3vQ9pL2aB | Titel | 1:2', 1, 'is not a duration'],
  ])('reports %j at line %i', (text, line, message) => {
    const parsed = parseBodyText(text);
    expect(parsed.problems).toEqual([{ line, message: expect.stringContaining(message) }]);
  });

  it('skips only the faulty line and keeps reading', () => {
    const parsed = parseBodyText('Een\n\n!image /a.webp\n\nTwee');
    expect(parsed.blocks).toStrictEqual([
      { type: 'paragraph', text: 'Een' },
      { type: 'paragraph', text: 'Twee' },
    ]);
    expect(parsed.lines).toEqual([1, 5]);
    expect(parsed.problems).toHaveLength(1);
  });
});

describe('parseDurationText', () => {
  it.each([
    ['274', 274],
    ['4:34', 274],
    ['0:07', 7],
    ['59:59', 3599],
    ['1:02:03', 3723],
    [' 12:00 ', 720],
  ])('reads %j as %i seconds', (text, seconds) => {
    expect(parseDurationText(text)).toBe(seconds);
  });

  it.each(['', '4:6', '4:60', '1:60:00', '-5', '4.5', 'PT4M', '1:02:03:04'])('refuses %j', (text) => {
    expect(parseDurationText(text)).toBeNull();
  });
});
