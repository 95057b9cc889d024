/**
 * Removing what a photo says about where and on what it was taken before it is published.
 *
 * Camera and phone files carry EXIF (GPS position, device serial numbers, time), XMP and IPTC
 * blocks. Served as uploaded, `/media/<file>` would hand them to every reader, which can expose a
 * photographer or a source. When an image carries any of them, it is re-encoded without them:
 * the EXIF orientation is applied to the pixels first (so the picture still stands upright), the
 * ICC colour profile is kept, JPEG is re-encoded at quality 92 (mozjpeg), PNG losslessly, WebP at
 * 92 and AVIF at 75; animations keep every frame. Images without such metadata are stored as
 * uploaded, byte for byte. Credits belong in the article's credit field, not in the file.
 *
 * sharp's output is deterministic, so the same upload still yields the same bytes and so the same
 * content-addressed name.
 */
import sharp from 'sharp';
import type { MediaKind } from './sniff';

/** True when the image carries EXIF, XMP or IPTC metadata. */
export async function hasPrivateMetadata(bytes: Uint8Array): Promise<boolean> {
  const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  return metadata.exif !== undefined || metadata.xmp !== undefined || metadata.iptc !== undefined;
}

/** The image without EXIF, XMP and IPTC (see the module comment); the same array when it has none. */
export async function stripPrivateMetadata(bytes: Uint8Array, kind: MediaKind): Promise<Uint8Array> {
  const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  if (metadata.exif === undefined && metadata.xmp === undefined && metadata.iptc === undefined) return bytes;
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
  return new Uint8Array(await pipeline.toBuffer());
}
