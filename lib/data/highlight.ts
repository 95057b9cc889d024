/**
 * The marks around matched words in search highlights. Control characters that never occur in
 * content (the data layer strips them before indexing), so no HTML is involved: a renderer escapes
 * the text as usual and turns each pair into <mark>…</mark>. Dependency-free so any layer,
 * including a client component, can import it.
 */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';
