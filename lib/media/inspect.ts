/**
 * Checking an uploaded image by its content: the magic bytes (lib/media/sniff.ts) must name an
 * accepted format, and sharp must then decode the whole image as that same format. A file that
 * only starts like an image (a polyglot, a truncated or corrupt upload) fails the decode; a file
 * whose header and body disagree (PNG magic, JPEG inside) fails the format comparison. The
 * dimensions come from the decoder, not from anything the client sent.
 */
import sharp from 'sharp';
import { MEDIA_MAX_PIXELS } from './limits';
import { MEDIA_TYPES, sniffMediaKind, type MediaContentType, type MediaKind } from './sniff';

export interface InspectedImage {
  kind: MediaKind;
  contentType: MediaContentType;
  extension: string;
  /** Pixels, of one frame for an animation. */
  width: number;
  height: number;
}

export type ImageRejection = 'unsupported-type' | 'undecodable' | 'too-many-pixels';

export class ImageRejectedError extends Error {
  override readonly name = 'ImageRejectedError';
  constructor(
    readonly reason: ImageRejection,
    detail: string,
  ) {
    super(detail);
  }
}

/** sharp's name for each accepted format (AVIF is decoded by libheif, with AV1 compression). */
const SHARP_FORMAT: Record<MediaKind, string> = { jpeg: 'jpeg', png: 'png', webp: 'webp', avif: 'heif', gif: 'gif' };

/**
 * The format and dimensions of an image, or an {@link ImageRejectedError} saying why it is not one
 * the site accepts. Decodes every pixel (of the first frame) once, into an 8 × 8 thumbnail, so a
 * corrupt file is caught here rather than on a reader's screen.
 */
export async function inspectImage(bytes: Uint8Array): Promise<InspectedImage> {
  const kind = sniffMediaKind(bytes);
  if (kind === null) throw new ImageRejectedError('unsupported-type', 'the file is not a JPEG, PNG, WebP, AVIF or GIF image');
  let metadata: sharp.Metadata;
  try {
    // Reading the header only; the pixel limit is checked below, with a clearer reason than sharp's.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new ImageRejectedError('undecodable', `the image cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (metadata.format !== SHARP_FORMAT[kind] || (kind === 'avif' && metadata.compression !== 'av1')) {
    throw new ImageRejectedError('unsupported-type', `the file starts like ${kind} but decodes as ${String(metadata.format)}`);
  }
  const width = metadata.width;
  const height = metadata.pageHeight ?? metadata.height;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new ImageRejectedError('undecodable', 'the image has no dimensions');
  }
  if (width * height > MEDIA_MAX_PIXELS) {
    throw new ImageRejectedError('too-many-pixels', `the image has ${width} × ${height} pixels; at most ${MEDIA_MAX_PIXELS} are allowed`);
  }
  try {
    await sharp(bytes, { failOn: 'error', limitInputPixels: MEDIA_MAX_PIXELS, animated: false })
      .resize(8, 8, { fit: 'inside' }).raw().toBuffer();
  } catch (error) {
    throw new ImageRejectedError('undecodable', `the image cannot be decoded: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { contentType, extension } = MEDIA_TYPES[kind];
  return { kind, contentType, extension, width, height };
}
