/**
 * Removing what a photo says about where, when and on what it was taken before it is published.
 *
 * Camera and phone files carry EXIF (GPS position, device serial numbers, time), XMP and IPTC
 * blocks, and editing tools leave more where no decoder looks: PNG text chunks ("Raw profile type
 * exif" holds a whole EXIF block as hex text), JPEG comments, GIF comments, unknown WebP chunks,
 * AVIF `Exif` and XMP items, bytes after the end of the image. Served as uploaded, `/media/<file>`
 * would hand them to every reader, which can expose a photographer or a source.
 *
 * A file keeps only what rendering needs: its pixels, its ICC colour profile and the orientation,
 * applied to the pixels. lib/media/containers.ts walks the container and names every other block;
 * when it names any (or sharp still sees EXIF, XMP or IPTC), the image is re-encoded: the EXIF
 * orientation is applied to the pixels first (so the picture still stands upright), the ICC
 * profile is kept, JPEG is re-encoded at quality 92 (mozjpeg), PNG losslessly, WebP at 92 and AVIF
 * at 75; GIF animations keep every frame. The result is walked again, and an encoder that left
 * anything behind is an error, never a published file. Images with nothing extra are stored as
 * uploaded, byte for byte. Credits belong in the article's credit field, not in the file.
 *
 * sharp's output is deterministic, so the same upload still yields the same bytes and so the same
 * content-addressed name.
 */
import sharp from 'sharp';
import { findMetadataCarriers } from './containers';
import { sniffMediaKind, type MediaKind } from './sniff';

/** What in these bytes is more than rendering needs (container blocks, or what sharp reads as EXIF, XMP or IPTC). */
async function metadataFound(bytes: Uint8Array, kind: MediaKind): Promise<string[]> {
  const found = findMetadataCarriers(bytes, kind);
  const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  if (metadata.exif !== undefined) found.push('EXIF');
  if (metadata.xmp !== undefined) found.push('XMP');
  if (metadata.iptc !== undefined) found.push('IPTC');
  return found;
}

/** True when the image carries anything besides pixels, ICC profile and colour information. */
export async function hasPrivateMetadata(bytes: Uint8Array): Promise<boolean> {
  const kind = sniffMediaKind(bytes);
  if (kind === null) throw new Error('not an accepted image format');
  return (await metadataFound(bytes, kind)).length > 0;
}

/** The image with nothing but what rendering needs (see the module comment); the same array when it has nothing else. */
export async function stripPrivateMetadata(bytes: Uint8Array, kind: MediaKind): Promise<Uint8Array> {
  if ((await metadataFound(bytes, kind)).length === 0) return bytes;
  const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  const animated = (metadata.pages ?? 1) > 1;
  let pipeline = sharp(bytes, { animated, failOn: 'error' }).keepIccProfile();
  // Orientation is applied per frame only for stills; animations do not carry camera orientation.
  if (!animated) pipeline = pipeline.rotate();
  switch (kind) {
    case 'jpeg':
      pipeline = pipeline.jpeg({ quality: 92, mozjpeg: true });
      break;
    case 'png':
      pipeline = pipeline.png({ compressionLevel: 9 });
      break;
    case 'webp':
      pipeline = pipeline.webp({ quality: 92 });
      break;
    case 'avif':
      pipeline = pipeline.avif({ quality: 75 });
      break;
    case 'gif':
      pipeline = pipeline.gif();
      break;
  }
  const clean = new Uint8Array(await pipeline.toBuffer());
  const left = await metadataFound(clean, kind);
  if (left.length > 0) throw new Error(`re-encoding left metadata in the image: ${left.join(', ')}`);
  return clean;
}
