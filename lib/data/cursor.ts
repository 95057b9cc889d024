/**
 * Listing cursors: where the previous page ended, as an opaque base64url token.
 *
 * A cursor holds the last row's sort key, (published_at, id). The next page is the rows strictly
 * after it in (published_at DESC, id DESC) order, which stays correct when articles are published
 * in between (no skipped or repeated rows, unlike OFFSET). Cursors come from URLs, so decoding is
 * strict: anything that is not exactly what {@link encodeCursor} produces is an InvalidCursorError,
 * which a route turns into a 400 or a 404, never a 500.
 */

/** The sort key of one listing row. */
export interface ListingKey {
  publishedAt: number;
  id: string;
}

export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError';
  constructor(message = 'invalid listing cursor') {
    super(message);
  }
}

const VERSION = '1';
const BASE64URL = /^[A-Za-z0-9_-]{1,200}$/;
const PAYLOAD = /^1:(-?(?:0|[1-9][0-9]{0,15})):([a-z0-9][a-z0-9-]{0,63})$/;

export function encodeCursor(key: ListingKey): string {
  return Buffer.from(`${VERSION}:${key.publishedAt}:${key.id}`, 'utf8').toString('base64url');
}

/** Parses a cursor from {@link encodeCursor}; throws {@link InvalidCursorError} on anything else. */
export function decodeCursor(cursor: string): ListingKey {
  if (!BASE64URL.test(cursor)) throw new InvalidCursorError();
  const match = PAYLOAD.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const publishedAt = Number(match?.[1]);
  const id = match?.[2];
  if (id === undefined || !Number.isSafeInteger(publishedAt)) throw new InvalidCursorError();
  const key = { publishedAt, id };
  // Only the canonical spelling: base64url has several spellings of the same bytes.
  if (encodeCursor(key) !== cursor) throw new InvalidCursorError();
  return key;
}
