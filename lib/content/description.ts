/**
 * An article's description for search engines, social cards, structured data and feeds.
 *
 * The intro (standfirst) when the article has one. Real content often has none, and a page
 * without a description gets whatever snippet a search engine or a feed reader picks, so the
 * opening of the body stands in: the first paragraph as plain text (marks and link syntax removed,
 * line breaks as spaces), cut on a word boundary with an ellipsis when it is longer than
 * {@link DESCRIPTION_MAX_LENGTH}. An intro is used as written: the editor chose its length.
 *
 * Pure; the article page, the feeds and the structured data all call {@link articleDescription}.
 */
import type { Block } from './model';
import { inlineToPlainText } from './inline';

/** What search engines show of a description, roughly; longer text is cut to fit, ellipsis included. */
export const DESCRIPTION_MAX_LENGTH = 160;

const ELLIPSIS = '…';

/** Punctuation that reads badly right before an ellipsis ("won met 2-1, …"). */
const TRAILING_PUNCTUATION = /[\s,;:.!?…\-–—(]+$/u;

/**
 * `text` with runs of whitespace collapsed, and cut to at most `max` characters (UTF-16 code
 * units, ellipsis included) at the last word boundary that fits. A first word longer than half of
 * `max` is cut inside the word rather than leaving almost nothing. Text that fits is returned whole.
 */
export function excerpt(text: string, max: number = DESCRIPTION_MAX_LENGTH): string {
  if (!Number.isSafeInteger(max) || max < 2) throw new RangeError(`max must be a whole number ≥ 2, got ${max}`);
  const normalized = text.replace(/\s+/g, ' ').trim();
  if (normalized.length <= max) return normalized;
  // The first `max` characters; a space at index i means the words before it (i characters) fit
  // with the ellipsis.
  const boundary = normalized.slice(0, max).lastIndexOf(' ');
  let cut = boundary >= max / 2 ? boundary : max - ELLIPSIS.length;
  // Never split a surrogate pair (an emoji, a rare CJK character) in two.
  const last = normalized.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  const kept = normalized.slice(0, cut).replace(TRAILING_PUNCTUATION, '');
  return `${kept === '' ? normalized.slice(0, cut) : kept}${ELLIPSIS}`;
}

/** The plain text of the body's first paragraph, or null when the body has none. */
export function firstParagraphText(body: readonly Block[]): string | null {
  for (const block of body) {
    if (block.type !== 'paragraph') continue;
    const text = inlineToPlainText(block.text).replace(/\s+/g, ' ').trim();
    if (text !== '') return text;
  }
  return null;
}

/**
 * The description of an article: its intro, or else an {@link excerpt} of its first paragraph.
 * Null only for an article with neither (a body of headings, quotes and media alone); callers then
 * leave the description out rather than writing an empty one.
 */
export function articleDescription(article: { intro: string | null; body: readonly Block[] }): string | null {
  if (article.intro !== null && article.intro.trim() !== '') return article.intro;
  const text = firstParagraphText(article.body);
  return text === null ? null : excerpt(text);
}
