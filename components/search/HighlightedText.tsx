/**
 * Renders search highlights. The data layer marks matched words with the control characters
 * \u0002 (start) and \u0003 (end) instead of HTML, so content stays text: every other character,
 * including "<", is rendered as text by React.
 */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

export function splitHighlights(text: string): Array<{ text: string; marked: boolean }> {
  const parts: Array<{ text: string; marked: boolean }> = [];
  let marked = false;
  let current = '';
  for (const ch of text) {
    if (ch === HIGHLIGHT_START || ch === HIGHLIGHT_END) {
      if (current) parts.push({ text: current, marked });
      current = '';
      marked = ch === HIGHLIGHT_START;
      continue;
    }
    current += ch;
  }
  if (current) parts.push({ text: current, marked });
  return parts;
}

export function HighlightedText({ text }: { text: string }) {
  return (
    <>
      {splitHighlights(text).map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : part.text))}
    </>
  );
}
