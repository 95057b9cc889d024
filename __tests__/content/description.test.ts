/**
 * An article's description (lib/content/description.ts): its intro, or else the opening of its
 * first paragraph, as plain text, cut on a word boundary.
 */
import { articleDescription, DESCRIPTION_MAX_LENGTH, excerpt, firstParagraphText } from '@/lib/content/description';
import type { Block } from '@/lib/content/model';

const paragraph = (text: string): Block => ({ type: 'paragraph', text });

describe('excerpt', () => {
  it.each([
    ['short text, whole', 'Dijkstad wint de derby.', 160, 'Dijkstad wint de derby.'],
    ['exactly the limit, whole', 'a'.repeat(160), 160, 'a'.repeat(160)],
    ['runs of whitespace, as one space', '  Dijkstad\n wint\tde   derby. ', 160, 'Dijkstad wint de derby.'],
    ['cut after the last word that fits, with an ellipsis', 'Een late goal beslist de derby in de regen', 20, 'Een late goal…'],
    ['a comma before the cut, dropped', 'Dijkstad wint, Noordpolder verliest opnieuw', 17, 'Dijkstad wint…'],
    ['a first word longer than half the limit, cut inside it', `${'x'.repeat(30)} en verder`, 20, `${'x'.repeat(19)}…`],
    ['a surrogate pair at the cut, kept whole', `${'a'.repeat(8)}🏆🏆 en meer`, 10, `${'a'.repeat(8)}…`],
  ])('keeps %s', (_case, text, max, expected) => {
    const result = excerpt(text, max);
    expect(result).toBe(expected);
    expect(result.length).toBeLessThanOrEqual(max);
  });

  it('cuts to the default length, ellipsis included', () => {
    const long = 'Een zin van woorden die samen veel langer zijn dan een beschrijving mag worden. '.repeat(5);
    const result = excerpt(long);
    expect(result.length).toBeLessThanOrEqual(DESCRIPTION_MAX_LENGTH);
    expect(result.endsWith('…')).toBe(true);
    expect(long.startsWith(result.slice(0, -1))).toBe(true);
    // On a word boundary: what is kept ends a word of the text.
    expect(long.charAt(result.length - 1)).toMatch(/[\s.]/);
  });
});

describe('firstParagraphText', () => {
  it.each<[string, Block[], string | null]>([
    ['skips headings, quotes and media to the first paragraph', [
      { type: 'heading', text: 'Kop' },
      { type: 'quote', text: 'Citaat.' },
      { type: 'video', provider: 'youtube', id: 'Xk3vQ9pL2aB', title: 'Samenvatting' },
      paragraph('De eerste alinea.'),
      paragraph('De tweede.'),
    ], 'De eerste alinea.'],
    ['removes marks and link syntax', [paragraph('FC Dijkstad won met **2-1**, *na* [verlenging](/nieuws/x).')], 'FC Dijkstad won met 2-1, na verlenging.'],
    ['keeps escaped mark characters as text', [paragraph('Een \\*sterretje\\* blijft staan.')], 'Een *sterretje* blijft staan.'],
    ['joins the lines of a paragraph with a space', [paragraph('Eerste regel.\nTweede regel.')], 'Eerste regel. Tweede regel.'],
    ['finds none in a body without paragraphs', [{ type: 'heading', text: 'Alleen een kop' }], null],
  ])('%s', (_case, body, expected) => {
    expect(firstParagraphText(body)).toBe(expected);
  });
});

describe('articleDescription', () => {
  const body = [paragraph('FC Dijkstad won zondag met **2-1** van SV Noordpolder.')];

  it('is the intro when the article has one, as written', () => {
    expect(articleDescription({ intro: 'Een late goal beslist de wedstrijd.', body })).toBe('Een late goal beslist de wedstrijd.');
  });

  it('is the first paragraph as plain text when the article has no intro', () => {
    expect(articleDescription({ intro: null, body })).toBe('FC Dijkstad won zondag met 2-1 van SV Noordpolder.');
  });

  it('is cut to a description’s length with an ellipsis', () => {
    const long = paragraph(`${'De wedstrijd kende een wisselend verloop met kansen aan beide kanten. '.repeat(4)}`);
    const description = articleDescription({ intro: null, body: [long] });
    expect(description?.length).toBeLessThanOrEqual(DESCRIPTION_MAX_LENGTH);
    expect(description?.endsWith('…')).toBe(true);
  });

  it('is null when there is neither an intro nor a paragraph', () => {
    expect(articleDescription({ intro: null, body: [{ type: 'heading', text: 'Kop' }] })).toBeNull();
  });
});
