/**
 * Inline marks in paragraph text: `**bold**`, `*italic*` and `[text](url)` links, nothing else.
 *
 * The parser turns text into a small tree that components render as React elements, so nothing in
 * content is ever interpreted as HTML: `<script>` stays the eight characters it is. A backslash
 * escapes a mark character (`\*` is a literal asterisk). Unclosed marks are literal text.
 *
 * Links are allowed only to http(s) URLs and to relative URLs. The import and the editor reject
 * anything else ({@link findUnsafeLinks}); the parser also renders such a link as plain text, so a
 * row written by other means still cannot produce a `javascript:` href.
 */

export type InlineNode =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: InlineNode[] }
  | { type: 'em'; children: InlineNode[] }
  | { type: 'link'; href: string; children: InlineNode[] };

const ESCAPABLE = new Set(['\\', '*', '[', ']', '(', ')']);
const MAX_DEPTH = 4;

/** True when `href` is an http(s) URL or a relative reference (path, query or fragment). */
export function isSafeHref(href: string): boolean {
  if (href.length === 0 || href.length > 2048) return false;
  // Whitespace, control characters and backslashes are how scheme filters get bypassed.
  if (/[\s\u0000-\u001f\u007f\\]/.test(href)) return false;
  if (href.startsWith('//')) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(href);
  if (!scheme) return true;
  const name = scheme[1]?.toLowerCase();
  if (name !== 'http' && name !== 'https') return false;
  try {
    const url = new URL(href);
    return url.hostname.length > 0;
  } catch {
    return false;
  }
}

interface LinkMatch {
  text: string;
  href: string;
  end: number;
}

/** Reads `[text](href)` starting at `start` (which holds `[`), or returns null. */
function readLink(source: string, start: number): LinkMatch | null {
  let depth = 0;
  let i = start;
  for (; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '[') depth++;
    if (ch === ']') {
      depth--;
      if (depth === 0) break;
    }
  }
  if (i >= source.length || source[i + 1] !== '(') return null;
  const close = source.indexOf(')', i + 2);
  if (close === -1) return null;
  return { text: source.slice(start + 1, i), href: source.slice(i + 2, close).trim(), end: close + 1 };
}

/** Finds the closing delimiter for a mark, skipping escaped characters. */
function findClosing(source: string, from: number, delimiter: '**' | '*'): number {
  for (let i = from; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (delimiter === '**' && source.startsWith('**', i)) return i;
    if (delimiter === '*' && ch === '*') {
      if (source[i + 1] === '*') {
        // A bold run inside italics: skip over it whole.
        const inner = findClosing(source, i + 2, '**');
        if (inner === -1) return -1;
        i = inner + 1;
        continue;
      }
      return i;
    }
  }
  return -1;
}

function parse(source: string, depth: number): InlineNode[] {
  const nodes: InlineNode[] = [];
  let text = '';
  const flush = () => {
    if (text) nodes.push({ type: 'text', text });
    text = '';
  };

  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch === '\\' && i + 1 < source.length && ESCAPABLE.has(source[i + 1] as string)) {
      text += source[i + 1];
      i++;
      continue;
    }
    if (depth < MAX_DEPTH && source.startsWith('**', i)) {
      const close = findClosing(source, i + 2, '**');
      if (close > i + 2) {
        flush();
        nodes.push({ type: 'strong', children: parse(source.slice(i + 2, close), depth + 1) });
        i = close + 1;
        continue;
      }
    } else if (depth < MAX_DEPTH && ch === '*' && source[i + 1] !== ' ') {
      const close = findClosing(source, i + 1, '*');
      if (close > i + 1) {
        flush();
        nodes.push({ type: 'em', children: parse(source.slice(i + 1, close), depth + 1) });
        i = close;
        continue;
      }
    } else if (depth < MAX_DEPTH && ch === '[') {
      const link = readLink(source, i);
      if (link && link.text.length > 0) {
        flush();
        const children = parse(link.text, depth + 1);
        if (isSafeHref(link.href)) nodes.push({ type: 'link', href: link.href, children });
        else nodes.push(...children);
        i = link.end - 1;
        continue;
      }
    }
    text += ch;
  }
  flush();
  return nodes;
}

/** Parses paragraph text into inline nodes. Never throws; any input yields a tree of text. */
export function parseInline(source: string): InlineNode[] {
  return parse(source, 0);
}

/** Every link target in `source` that is not allowed, in order of appearance. */
export function findUnsafeLinks(source: string): string[] {
  const unsafe: string[] = [];
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\\') {
      i++;
      continue;
    }
    if (source[i] !== '[') continue;
    const link = readLink(source, i);
    if (!link) continue;
    if (!isSafeHref(link.href)) unsafe.push(link.href);
    unsafe.push(...findUnsafeLinks(link.text));
    i = link.end - 1;
  }
  return unsafe;
}

/** Plain text of inline-marked source, for search indexing, descriptions and feeds. */
export function inlineToPlainText(source: string): string {
  const walk = (nodes: InlineNode[]): string =>
    nodes.map((node) => (node.type === 'text' ? node.text : walk(node.children))).join('');
  return walk(parseInline(source));
}
