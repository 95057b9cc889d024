/**
 * The body text syntax: an article's body blocks as plain text an editor types in one textarea,
 * mapping 1:1 onto the blocks of the content model (docs/content-format.md, "Body text").
 *
 * ```text
 * A paragraph. Inline marks stay as they are: **bold**, *italic*, [a link](/nieuws/x).
 * A second line of the same paragraph.
 *
 * ## A heading
 *
 * > A quote, over one
 * > or more lines.
 * -- The person quoted
 *
 * !image /images/derby.webp | Alt text | Caption | Credit
 *
 * !video youtube Xk3vQ9pL2aB | Title | 4:34 | /images/poster.webp
 * ```
 *
 * - Blocks are separated by a blank line. A heading, quote, image or video line also starts a new
 *   block on its own, so a paragraph directly under a heading is still a separate paragraph.
 * - Markers count only at the very start of a line. A paragraph line that would otherwise read as a
 *   marker (or as a blank line) starts with a backslash, which is removed: `\## not a heading`.
 * - Fields of image and video lines are separated by `|`; in those fields and in headings and quote
 *   sources, `\|`, `\\` and `\n` stand for a pipe, a backslash and a line break.
 *
 * {@link parseBodyText} does the syntax only and returns plain objects; the content model's
 * BlockSchema validates them (lengths, ids, safe links), and its problems carry `body[i]` paths
 * that `lines[i]` turns into a line number. Both functions are pure.
 */
import { formatDuration } from '@/lib/dates/duration';
import type { Block } from './model';

export interface BodyTextProblem {
  /** 1-based line in the text. */
  line: number;
  message: string;
}

export interface ParsedBodyText {
  /** Block-shaped objects, not yet validated: run them through the content model's schema. */
  blocks: unknown[];
  /** The 1-based line each block starts on, index for index with `blocks`. */
  lines: number[];
  /** Syntax problems; a line with a problem yields no block. */
  problems: BodyTextProblem[];
}

const HEADING = /^##(?:[ \t]|$)/;
const OTHER_HEADING_LEVEL = /^(?:#|#{3,})(?:[ \t]|$)/;
const QUOTE = /^>/;
const QUOTE_SOURCE = /^(?:--|—)(?:[ \t]|$)/;
const IMAGE = /^!image(?:[ \t]|$)/;
const VIDEO = /^!video(?:[ \t]|$)/;
const BLANK = /^[ \t]*$/;

/** Whether a line would start a block (or separate blocks) rather than continue a paragraph. */
function readsAsMarker(line: string): boolean {
  return BLANK.test(line) || /^#+(?:[ \t]|$)/.test(line) || QUOTE.test(line) || IMAGE.test(line) || VIDEO.test(line);
}

/**
 * A paragraph line as written: one extra leading backslash when the line, with its leading
 * backslashes removed, would read as a marker or a blank line. Lines that start with a backslash
 * for any other reason (`\*` is an inline escape) are left alone, so they mean what they meant.
 */
function escapeParagraphLine(line: string): string {
  return readsAsMarker(line.replace(/^\\+/, '')) ? `\\${line}` : line;
}

function unescapeParagraphLine(line: string): string {
  return line.startsWith('\\') && readsAsMarker(line.replace(/^\\+/, '')) ? line.slice(1) : line;
}

/** Text on one line: backslash, line break (and in fields, the pipe) as escapes. */
function escapeInline(value: string, pipe: boolean): string {
  let out = '';
  for (const ch of value.replace(/\r\n?/g, '\n')) {
    if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '|' && pipe) out += '\\|';
    else out += ch;
  }
  return out;
}

/** The inverse of {@link escapeInline}; an unknown escape such as `\x` stays as written. */
function unescapeInline(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    const next = value[i + 1];
    if (ch === '\\' && (next === '\\' || next === '|')) {
      out += next;
      i++;
    } else if (ch === '\\' && next === 'n') {
      out += '\n';
      i++;
    } else {
      out += ch;
    }
  }
  return out;
}

/** Splits on every `|` that is not escaped; the parts keep their escapes. */
function splitFields(value: string): string[] {
  const fields: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    if (ch === '\\' && i + 1 < value.length) {
      current += ch + value[i + 1];
      i++;
    } else if (ch === '|') {
      fields.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  fields.push(current);
  return fields;
}

/** Fields joined with ` | `, trailing optional fields left out when empty. */
function joinFields(required: string[], optional: (string | undefined)[]): string {
  const fields = [...required, ...optional.map((field) => field ?? '')];
  while (fields.length > required.length && fields.at(-1) === '') fields.pop();
  return fields.map((field) => escapeInline(field, true)).join(' | ').replace(/ +$/, '');
}

/** `4:34`, `1:02:03` or plain seconds (`274`) → seconds; null when it is none of those. */
export function parseDurationText(value: string): number | null {
  const text = value.trim();
  if (/^\d{1,6}$/.test(text)) return Number(text);
  const clock = /^(?:(\d{1,3}):([0-5]\d)|(\d{1,4})):([0-5]\d)$/.exec(text);
  if (!clock) return null;
  const [, hours, minutesAfterHours, minutesOnly, seconds] = clock;
  if (hours !== undefined) return Number(hours) * 3600 + Number(minutesAfterHours) * 60 + Number(seconds);
  return Number(minutesOnly) * 60 + Number(seconds);
}

function blockToText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return block.text.replace(/\r\n?/g, '\n').split('\n').map(escapeParagraphLine).join('\n');
    case 'heading':
      return `## ${escapeInline(block.text, false)}`;
    case 'quote': {
      const lines = block.text
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`));
      if (block.source !== undefined && block.source !== '') lines.push(`-- ${escapeInline(block.source, false)}`);
      return lines.join('\n');
    }
    case 'image':
      return `!image ${joinFields([block.src, block.alt], [block.caption, block.credit])}`;
    case 'video': {
      const ref = block.provider === 'file' ? block.src : block.id;
      const duration = block.duration === undefined ? undefined : formatDuration(block.duration);
      return `!video ${block.provider} ${joinFields([ref, block.title], [duration, block.poster])}`;
    }
    default: {
      const unknown: never = block;
      return unknown;
    }
  }
}

/**
 * The body as body text. For every valid body, `parseBodyText(bodyToText(blocks)).blocks` equals
 * `blocks` (empty optional fields such as `caption: ""` come back absent).
 */
export function bodyToText(blocks: Block[]): string {
  return blocks.map(blockToText).join('\n\n');
}

type LineResult = { block: Record<string, unknown> } | { problem: string };

const USAGE = {
  image: 'write an image as "!image <src> | <alt text> | <caption> | <credit>" (caption and credit optional)',
  video: 'write a video as "!video youtube|vimeo <id> | <title> | <duration> | <poster>" or "!video file <src> | <title> | …" (duration and poster optional)',
} as const;

function parseImageLine(rest: string): LineResult {
  const fields = splitFields(rest).map((field) => unescapeInline(field.trim()));
  const [src = '', alt, caption = '', credit = ''] = fields;
  if (src === '') return { problem: `the image has no src; ${USAGE.image}` };
  if (/\s/.test(src)) return { problem: `the image src must not contain spaces; ${USAGE.image}` };
  if (alt === undefined) {
    return {
      problem: `the image has no alt text; add it after a "|" (leave it empty, "!image ${src} |", only for a purely decorative image)`,
    };
  }
  if (fields.length > 4) return { problem: `the image line has more than four fields; ${USAGE.image} (write a literal "|" as "\\|")` };
  return {
    block: { type: 'image', src, alt, ...(caption ? { caption } : {}), ...(credit ? { credit } : {}) },
  };
}

function parseVideoLine(rest: string): LineResult {
  const fields = splitFields(rest).map((field) => unescapeInline(field.trim()));
  const [head = '', title, durationText = '', poster = ''] = fields;
  const [provider, ref, ...extra] = head.split(/[ \t]+/).filter(Boolean);
  if (provider === undefined) return { problem: `the video has no provider; ${USAGE.video}` };
  if (provider !== 'youtube' && provider !== 'vimeo' && provider !== 'file') {
    return { problem: `unknown video provider "${provider}"; expected youtube, vimeo or file` };
  }
  if (ref === undefined) {
    return { problem: provider === 'file' ? `the video has no src; ${USAGE.video}` : `the video has no ${provider} id; ${USAGE.video}` };
  }
  if (extra.length > 0) return { problem: `expected one ${provider === 'file' ? 'src' : 'id'} after "${provider}", then "|" and the title` };
  if (title === undefined) return { problem: `the video has no title; add it after a "|"; ${USAGE.video}` };
  if (fields.length > 4) return { problem: `the video line has more than four fields; ${USAGE.video} (write a literal "|" as "\\|")` };
  let duration: number | undefined;
  if (durationText !== '') {
    const seconds = parseDurationText(durationText);
    if (seconds === null) return { problem: `"${durationText}" is not a duration; write it as 4:34, 1:02:03 or a number of seconds` };
    duration = seconds;
  }
  return {
    block: {
      type: 'video',
      provider,
      ...(provider === 'file' ? { src: ref } : { id: ref }),
      title,
      ...(duration !== undefined ? { duration } : {}),
      ...(poster ? { poster } : {}),
    },
  };
}

/**
 * Reads body text into block-shaped objects, with the line each starts on and every syntax
 * problem (by line). Never throws. Line endings may be LF or CRLF.
 */
export function parseBodyText(text: string): ParsedBodyText {
  const source = text.replace(/\r\n?/g, '\n').split('\n');
  const result: ParsedBodyText = { blocks: [], lines: [], problems: [] };
  const push = (block: Record<string, unknown>, line: number) => {
    result.blocks.push(block);
    result.lines.push(line);
  };

  let i = 0;
  while (i < source.length) {
    const line = source[i] as string;
    const lineNumber = i + 1;
    if (BLANK.test(line)) {
      i++;
      continue;
    }
    if (HEADING.test(line)) {
      push({ type: 'heading', text: unescapeInline(line.slice(2).trim()) }, lineNumber);
      i++;
      continue;
    }
    if (OTHER_HEADING_LEVEL.test(line)) {
      result.problems.push({
        line: lineNumber,
        message: 'write a heading as "## text" (two #); to start a paragraph with "#", write "\\#"',
      });
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const quoteLines: string[] = [];
      while (i < source.length && QUOTE.test(source[i] as string)) {
        quoteLines.push((source[i] as string).slice(1).replace(/^[ \t]/, ''));
        i++;
      }
      const block: Record<string, unknown> = { type: 'quote', text: quoteLines.join('\n').trim() };
      const next = source[i];
      if (next !== undefined && QUOTE_SOURCE.test(next)) {
        const sourceText = unescapeInline(next.replace(QUOTE_SOURCE, '').trim());
        if (sourceText !== '') block.source = sourceText;
        i++;
      }
      push(block, lineNumber);
      continue;
    }
    if (IMAGE.test(line) || VIDEO.test(line)) {
      const parsed = IMAGE.test(line) ? parseImageLine(line.slice('!image'.length)) : parseVideoLine(line.slice('!video'.length));
      if ('block' in parsed) push(parsed.block, lineNumber);
      else result.problems.push({ line: lineNumber, message: parsed.problem });
      i++;
      continue;
    }
    const paragraph: string[] = [];
    while (i < source.length && !readsAsMarker(source[i] as string)) {
      paragraph.push(unescapeParagraphLine(source[i] as string));
      i++;
    }
    push({ type: 'paragraph', text: paragraph.join('\n') }, lineNumber);
  }
  return result;
}
