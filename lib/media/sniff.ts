/**
 * What an uploaded file really is, from its first bytes ("magic numbers"), never from its name or
 * the Content-Type the browser declared: both are whatever the sender wants them to be.
 *
 * Only the raster formats the site serves are recognised: JPEG, PNG, WebP, AVIF and GIF. Anything
 * else (SVG, which can carry script; HTML; PDF; HEIC photos; text) is null and refused. A match
 * here is necessary but not sufficient: lib/media/inspect.ts then decodes the image for real.
 */

export const MEDIA_TYPES = {
  jpeg: { contentType: 'image/jpeg', extension: 'jpg' },
  png: { contentType: 'image/png', extension: 'png' },
  webp: { contentType: 'image/webp', extension: 'webp' },
  avif: { contentType: 'image/avif', extension: 'avif' },
  gif: { contentType: 'image/gif', extension: 'gif' },
} as const;

export type MediaKind = keyof typeof MEDIA_TYPES;
export type MediaContentType = (typeof MEDIA_TYPES)[MediaKind]['contentType'];

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((value, index) => bytes[offset + index] === value);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const GIF87 = ascii('GIF87a');
const GIF89 = ascii('GIF89a');
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const FTYP = ascii('ftyp');
const AVIF_BRANDS = new Set(['avif', 'avis']);

/**
 * An ISO-BMFF file whose `ftyp` box names an AVIF brand, as major brand or among the compatible
 * ones (some encoders write `mif1` first). HEIC (`heic`, `heix`) is deliberately not AVIF.
 */
function isAvif(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, FTYP, 4)) return false;
  const boxSize = ((bytes[0] ?? 0) << 24) | ((bytes[1] ?? 0) << 16) | ((bytes[2] ?? 0) << 8) | (bytes[3] ?? 0);
  if (boxSize < 16 || boxSize > bytes.length || boxSize % 4 !== 0) return false;
  const brand = (offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (AVIF_BRANDS.has(brand(8))) return true;
  // Compatible brands follow the major brand (8..12) and minor version (12..16).
  for (let offset = 16; offset + 4 <= boxSize; offset += 4) if (AVIF_BRANDS.has(brand(offset))) return true;
  return false;
}

/** The image format these bytes start with, or null when they are not one the site accepts. */
export function sniffMediaKind(bytes: Uint8Array): MediaKind | null {
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  if (startsWith(bytes, GIF87) || startsWith(bytes, GIF89)) return 'gif';
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return 'webp';
  if (isAvif(bytes)) return 'avif';
  return null;
}

const CONTENT_TYPE_BY_EXTENSION: ReadonlyMap<string, MediaContentType> = new Map(
  Object.values(MEDIA_TYPES).map(({ extension, contentType }) => [extension, contentType]),
);

/** The stored name's extension → its Content-Type, for names this module made. */
export function contentTypeOfExtension(extension: string): MediaContentType | null {
  return CONTENT_TYPE_BY_EXTENSION.get(extension) ?? null;
}
