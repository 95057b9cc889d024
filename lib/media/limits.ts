/**
 * How large an upload may be, and reading a request body without ever holding more than that.
 *
 * MEDIA_MAX_BYTES (default 5 MiB, at most 50 MiB) bounds one image file. The body of a multipart
 * upload is the file plus its part headers and boundaries, so the body may be a little larger:
 * {@link MULTIPART_OVERHEAD_BYTES}. The limit is enforced while the body streams in, chunk by chunk,
 * so a client that lies about (or leaves out) Content-Length cannot make the server buffer more.
 */

export const DEFAULT_MEDIA_MAX_BYTES = 5 * 1024 * 1024;
/** The most MEDIA_MAX_BYTES may be set to: uploads are stored in the database and held in memory. */
export const MEDIA_MAX_BYTES_CEILING = 50 * 1024 * 1024;
/** Room for the multipart boundaries and part headers around the file. */
export const MULTIPART_OVERHEAD_BYTES = 16 * 1024;
/**
 * The most pixels an image may have (width × height of one frame). A small file can declare a
 * huge canvas ("decompression bomb"); this keeps a decode to a few hundred MB of memory at most.
 */
export const MEDIA_MAX_PIXELS = 50_000_000;

/** Thrown when a body or file is larger than allowed; `limit` is in bytes. */
export class MediaTooLargeError extends Error {
  override readonly name = 'MediaTooLargeError';
  constructor(readonly limit: number) {
    super(`the upload is larger than ${limit} bytes`);
  }
}

/**
 * The per-file limit from MEDIA_MAX_BYTES: a whole number of bytes from 1 KiB to 50 MiB. Anything
 * else is a configuration mistake and throws, rather than silently allowing unlimited uploads.
 */
export function mediaMaxBytes(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.MEDIA_MAX_BYTES?.trim();
  if (!raw) return DEFAULT_MEDIA_MAX_BYTES;
  const bytes = Number(raw);
  if (!/^[0-9]+$/.test(raw) || bytes < 1024 || bytes > MEDIA_MAX_BYTES_CEILING) {
    throw new Error(`MEDIA_MAX_BYTES "${raw}" must be a whole number of bytes from 1024 to ${MEDIA_MAX_BYTES_CEILING}`);
  }
  return bytes;
}

/**
 * Reads a stream to its end into one buffer, throwing {@link MediaTooLargeError} (and cancelling
 * the stream) as soon as more than `limit` bytes have arrived.
 */
export async function readWithLimit(stream: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if (stream === null) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new MediaTooLargeError(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
