/**
 * The media library: uploaded images, stored in the database (table `media`) so every instance of
 * the site can serve every file without shared disks.
 *
 * Names are content addressed: the first 32 hex digits (128 bits) of the SHA-256 of the stored
 * bytes (the upload, less anything rendering does not need), then the extension of the format the
 * bytes really are (`3f9a…e1.webp`). The same bytes uploaded twice
 * are one file (the second upload returns the first one's record), a name never changes meaning,
 * so `/media/<name>` can be cached forever, and no uploader chooses a name.
 *
 * The library lists newest first by keyset (created_at DESC, file_name), served by the index
 * `media_library_idx`; cursors are opaque and strictly checked, like the listings' cursors.
 */
import { createHash } from 'node:crypto';
import type { Database } from '@/lib/db/connection';
import type { MediaTable } from '@/lib/db/schema';
import { inspectImage } from './inspect';
import { stripPrivateMetadata } from './metadata';

/** `/media/` + a name this module made; nothing else is ever looked up. */
export const MEDIA_FILE_NAME_PATTERN = /^([0-9a-f]{32})\.(jpg|png|webp|avif|gif)$/;
export const MEDIA_PATH_PREFIX = '/media/';

export interface MediaItem {
  fileName: string;
  /** The path articles refer to: `/media/<fileName>`. */
  src: string;
  contentType: string;
  bytes: number;
  width: number;
  height: number;
  uploadedBy: string | null;
  /** ISO 8601, UTC. */
  createdAt: string;
}

export interface MediaFile extends MediaItem {
  data: Uint8Array<ArrayBuffer>;
}

export interface MediaPage {
  items: MediaItem[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export const MEDIA_PAGE_DEFAULT = 48;
export const MEDIA_PAGE_MAX = 200;

export class InvalidMediaCursorError extends Error {
  override readonly name = 'InvalidMediaCursorError';
  constructor() {
    super('invalid media cursor');
  }
}

export const mediaSrc = (fileName: string) => `${MEDIA_PATH_PREFIX}${fileName}`;

/** True for a name {@link storeMedia} can have produced. */
export function isMediaFileName(value: unknown): value is string {
  return typeof value === 'string' && MEDIA_FILE_NAME_PATTERN.test(value);
}

type MediaRow = Omit<MediaTable, 'data'>;
const ITEM_COLUMNS = ['file_name', 'content_type', 'bytes', 'width', 'height', 'uploaded_by', 'created_at'] as const;

/** The one place a media row becomes a {@link MediaItem}. */
function reshapeMedia(row: MediaRow): MediaItem {
  return {
    fileName: row.file_name,
    src: mediaSrc(row.file_name),
    contentType: row.content_type,
    bytes: row.bytes,
    width: row.width,
    height: row.height,
    uploadedBy: row.uploaded_by,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** The stored name for these bytes in this format. */
export function mediaFileName(bytes: Uint8Array, extension: string): string {
  return `${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}.${extension}`;
}

export interface StoreMediaOptions {
  /** The uploader's name, kept for the library. */
  uploadedBy: string | null;
  now: Date;
}

export interface StoredMedia {
  item: MediaItem;
  /** False when the same bytes were already in the library (the earlier record is returned). */
  created: boolean;
}

/**
 * Checks the bytes by content (lib/media/inspect.ts; throws its ImageRejectedError when they are
 * not an accepted image), removes metadata (lib/media/metadata.ts: all but pixels, ICC profile and orientation) and stores the
 * result under its content-addressed name. Storing bytes that
 * are already there writes nothing and returns the existing record. The size limit is the
 * caller's: the route enforces it while reading the request.
 */
export async function storeMedia(database: Database, upload: Uint8Array, options: StoreMediaOptions): Promise<StoredMedia> {
  const uploaded = await inspectImage(upload);
  // Location and device metadata never reach the public file; the stored bytes are what is hashed.
  const bytes = await stripPrivateMetadata(upload, uploaded.kind);
  const image = bytes === upload ? uploaded : await inspectImage(bytes);
  const fileName = mediaFileName(bytes, image.extension);
  const existing = await findItem(database, fileName);
  if (existing !== null) return { item: existing, created: false };
  const row: MediaRow = {
    file_name: fileName,
    content_type: image.contentType,
    bytes: bytes.byteLength,
    width: image.width,
    height: image.height,
    uploaded_by: options.uploadedBy === null ? null : options.uploadedBy.slice(0, 200),
    created_at: options.now.getTime(),
  };
  const inserted = await database.db
    .insertInto('media')
    .values({ ...row, data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })
    // Two uploads of the same bytes at once: the first row wins, the second reads it back.
    .onConflict((conflict) => conflict.column('file_name').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1) return { item: reshapeMedia(row), created: true };
  const winner = await findItem(database, fileName);
  if (winner === null) throw new Error(`media ${fileName} vanished while it was being stored`);
  return { item: winner, created: false };
}

async function findItem(database: Database, fileName: string): Promise<MediaItem | null> {
  const row = await database.db.selectFrom('media').select(ITEM_COLUMNS).where('file_name', '=', fileName).executeTakeFirst();
  return row === undefined ? null : reshapeMedia(row);
}

/** One stored file with its bytes, or null for an unknown or malformed name (never a query for one). */
export async function getMedia(database: Database, fileName: string): Promise<MediaFile | null> {
  if (!isMediaFileName(fileName)) return null;
  const row = await database.db
    .selectFrom('media')
    .select([...ITEM_COLUMNS, 'data'])
    .where('file_name', '=', fileName)
    .executeTakeFirst();
  if (row === undefined) return null;
  const { data, ...item } = row;
  return { ...reshapeMedia(item), data: new Uint8Array(data) };
}

interface MediaKey {
  createdAt: number;
  fileName: string;
}

const CURSOR_PAYLOAD = /^m1:(0|[1-9][0-9]{0,15}):([0-9a-f]{32}\.(?:jpg|png|webp|avif|gif))$/;

function encodeMediaCursor(key: MediaKey): string {
  return Buffer.from(`m1:${key.createdAt}:${key.fileName}`, 'utf8').toString('base64url');
}

function decodeMediaCursor(cursor: string): MediaKey {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) throw new InvalidMediaCursorError();
  const match = CURSOR_PAYLOAD.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const createdAt = Number(match?.[1]);
  const fileName = match?.[2];
  if (fileName === undefined || !Number.isSafeInteger(createdAt)) throw new InvalidMediaCursorError();
  const key = { createdAt, fileName };
  // Only the canonical spelling, so one page has one URL.
  if (encodeMediaCursor(key) !== cursor) throw new InvalidMediaCursorError();
  return key;
}

export interface ListMediaOptions {
  cursor?: string | null;
  /** Default {@link MEDIA_PAGE_DEFAULT}, at most {@link MEDIA_PAGE_MAX}. */
  limit?: number;
}

/**
 * The library, newest first (created_at DESC, then file_name ascending), one page at a time by
 * keyset. Throws {@link InvalidMediaCursorError} for a cursor this function did not hand out.
 */
export async function listMedia(database: Database, options: ListMediaOptions = {}): Promise<MediaPage> {
  const requested = options.limit ?? MEDIA_PAGE_DEFAULT;
  const limit = Number.isFinite(requested) ? Math.min(Math.max(Math.trunc(requested), 1), MEDIA_PAGE_MAX) : MEDIA_PAGE_DEFAULT;
  let query = database.db.selectFrom('media').select(ITEM_COLUMNS);
  if (options.cursor) {
    const after = decodeMediaCursor(options.cursor);
    query = query.where((eb) =>
      eb.or([eb('created_at', '<', after.createdAt), eb.and([eb('created_at', '=', after.createdAt), eb('file_name', '>', after.fileName)])]),
    );
  }
  const rows = await query.orderBy('created_at', 'desc').orderBy('file_name', 'asc').limit(limit + 1).execute();
  const items = rows.slice(0, limit).map(reshapeMedia);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return { items, nextCursor: last === undefined ? null : encodeMediaCursor({ createdAt: last.created_at, fileName: last.file_name }) };
}
