/**
 * The upload endpoint's work after the session and origin checks, independent of Next so it is
 * tested with plain Requests: read the multipart body within the size limit, take the one file
 * part, store it by content, and answer JSON.
 *
 * The answers, all `private, no-store`:
 * - 201 `{ src, width, height, contentType, bytes }` for a new file, 200 with the same for bytes
 *   already in the library;
 * - 413 `{ error: 'too-large', limit }` when the body or the file exceeds the limit (a declared
 *   Content-Length over it is refused before a byte is read);
 * - 415 `{ error: 'unsupported-type' }` for anything that is not a JPEG, PNG, WebP, AVIF or GIF by
 *   content, and for a request that is not multipart/form-data;
 * - 422 `{ error: 'undecodable' | 'too-many-pixels' }` for a broken image or a decompression bomb;
 * - 400 `{ error: 'no-file' }` without exactly one non-empty `file` part.
 * The `error` codes are stable; the desk shows a localized message for each.
 */
import type { Database } from '@/lib/db/connection';
import { ImageRejectedError } from './inspect';
import { MediaTooLargeError, MULTIPART_OVERHEAD_BYTES, readWithLimit } from './limits';
import { storeMedia } from './store';

export type UploadErrorCode = 'too-large' | 'unsupported-type' | 'undecodable' | 'too-many-pixels' | 'no-file';

export interface UploadedMedia {
  src: string;
  width: number;
  height: number;
  contentType: string;
  bytes: number;
}

const PRIVATE = { 'Cache-Control': 'private, no-store' } as const;

const refuse = (status: number, error: UploadErrorCode, extra: Record<string, unknown> = {}) =>
  Response.json({ error, ...extra }, { status, headers: PRIVATE });

export interface UploadContext {
  database: Database;
  maxBytes: number;
  uploadedBy: string | null;
  now: Date;
}

/** Handles one upload request (session and origin already checked). */
export async function handleMediaUpload(request: Request, context: UploadContext): Promise<Response> {
  const { maxBytes } = context;
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(contentType)) return refuse(415, 'unsupported-type');
  const bodyLimit = maxBytes + MULTIPART_OVERHEAD_BYTES;
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > bodyLimit) return refuse(413, 'too-large', { limit: maxBytes });

  let form: FormData;
  try {
    const body = await readWithLimit(request.body, bodyLimit);
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch (error) {
    if (error instanceof MediaTooLargeError) return refuse(413, 'too-large', { limit: maxBytes });
    return refuse(400, 'no-file');
  }
  const parts = form.getAll('file');
  const file = parts[0];
  if (parts.length !== 1 || typeof file === 'string' || file === undefined || file.size === 0) return refuse(400, 'no-file');
  if (file.size > maxBytes) return refuse(413, 'too-large', { limit: maxBytes });

  try {
    const { item, created } = await storeMedia(context.database, new Uint8Array(await file.arrayBuffer()), {
      uploadedBy: context.uploadedBy,
      now: context.now,
    });
    const uploaded: UploadedMedia = { src: item.src, width: item.width, height: item.height, contentType: item.contentType, bytes: item.bytes };
    return Response.json(uploaded, { status: created ? 201 : 200, headers: PRIVATE });
  } catch (error) {
    if (error instanceof ImageRejectedError) return refuse(error.reason === 'unsupported-type' ? 415 : 422, error.reason);
    throw error;
  }
}
