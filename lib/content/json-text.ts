/**
 * JSON text, with the line and column of a syntax error.
 *
 * JSON.parse names the place of some errors only (not of "Unexpected token ']'"), so on text it
 * rejects, a small scanner of the JSON grammar finds the first character at which the text stops
 * being JSON. The reason is still JSON.parse's own, in the words of the Node version that runs.
 */

// Sticky patterns, matched at the scanner's position.
const WHITESPACE = /[ \t\n\r]*/y;
/** From a string's opening quote up to its closing quote or the first character that breaks it. */
const STRING_BODY = /"(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*/y;
const HEX_DIGITS = /[0-9a-fA-F]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The offset of the first character at which `text` stops being JSON (its length if it never does). */
function jsonErrorOffset(text: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const match = (pattern: RegExp): number => {
    pattern.lastIndex = i;
    return pattern.exec(text)?.[0].length ?? 0;
  };
  const skipWhitespace = () => {
    i += match(WHITESPACE);
  };
  const string = () => {
    i += match(STRING_BODY);
    if (text[i] === '"') return void i++;
    // A bad escape fails at the character after the backslash, or at the first of \uXXXX that is
    // not a hex digit; otherwise the string failed at a control character or the end of the text.
    if (text[i] === '\\' && text[i + 1] === 'u') {
      i += 2;
      i += match(HEX_DIGITS);
    } else if (text[i] === '\\') i++;
    fail();
  };
  const literal = (word: string) => {
    for (const ch of word) {
      if (text[i] !== ch) fail();
      i++;
    }
  };
  const value = (): void => {
    skipWhitespace();
    const ch = text[i] ?? '';
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      i++;
      skipWhitespace();
      if (text[i] === close) return void i++;
      for (;;) {
        if (close === '}') {
          skipWhitespace();
          if (text[i] !== '"') fail();
          string();
          skipWhitespace();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        skipWhitespace();
        if (text[i] === close) return void i++;
        if (text[i] !== ',') fail();
        i++;
      }
    }
    if (ch === '"') return string();
    const word = ['true', 'false', 'null'].find((candidate) => candidate[0] === ch);
    if (word !== undefined) return literal(word);
    const number = match(NUMBER);
    if (number === 0) fail();
    i += number;
  };
  try {
    value();
    skipWhitespace();
    if (i < text.length) fail();
    return text.length;
  } catch (offset) {
    // Not a number: the stack ran out on deep nesting; the end is as good a place as any.
    return typeof offset === 'number' ? Math.min(offset, text.length) : text.length;
  }
}

/** Line and column (both 1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** Parses JSON text (a byte-order mark is skipped); a syntax error says where, by line and column. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const { line, column } = lineAndColumn(source, jsonErrorOffset(source));
    // V8's wording, without the position and the quoted excerpt it appends in some versions.
    const reason = raw
      .replace(/,\s*(?:\.\.\.)?".*" is not valid JSON$/s, '')
      .replace(/\s+at position \d+.*$/s, '')
      .replace(/\s+in JSON$/, '')
      .trim();
    return { ok: false, message: `invalid JSON at line ${line}, column ${column}: ${reason}` };
  }
}
