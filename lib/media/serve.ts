/**
 * The response for `GET /media/<file>`.
 *
 * The name is the SHA-256 prefix of the bytes, so the bytes behind a URL never change: the
 * response is `public, max-age=31536000, immutable`, and the ETag is that hash (a conditional
 * request with it gets a 304 without a body). The Content-Type is the one the content was sniffed
 * as at upload, with `nosniff` so no browser second-guesses it. (Only raster formats are ever
 * stored, so a file opened directly has nothing to run; the site-wide CSP from next.config.js
 * applies on top.)
 */
import type { MediaFile } from './store';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** `"<32 hex>"`: the content hash of the stored name. */
export const mediaEtag = (fileName: string) => `"${fileName.slice(0, 32)}"`;

function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (ifNoneMatch === null) return false;
  return ifNoneMatch
    .split(',')
    .map((candidate) => candidate.trim().replace(/^W\//, ''))
    .some((candidate) => candidate === etag || candidate === '*');
}

/** The response for a stored file, or a 404 for null. */
export function mediaResponse(media: MediaFile | null, requestHeaders: { get(name: string): string | null }): Response {
  if (media === null) {
    return new Response('Not found', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
    });
  }
  const etag = mediaEtag(media.fileName);
  const headers = {
    'Cache-Control': IMMUTABLE,
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
    'Last-Modified': new Date(media.createdAt).toUTCString(),
  };
  if (matchesEtag(requestHeaders.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(media.data, {
    status: 200,
    headers: { ...headers, 'Content-Type': media.contentType, 'Content-Length': String(media.bytes) },
  });
}
