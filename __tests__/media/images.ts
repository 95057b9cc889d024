/**
 * Real images of every accepted format, made with sharp, and files that only look like images.
 */
import sharp from 'sharp';

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';

/** A small real image of `format`, `width` × `height`, in a colour derived from `seed`. */
export async function makeImage(format: ImageFormat, width = 24, height = 16, seed = 1): Promise<Uint8Array> {
  const base = sharp({
    create: { width, height, channels: 3, background: { r: (seed * 53) % 256, g: (seed * 97) % 256, b: (seed * 193) % 256 } },
  });
  const encoded = await base.toFormat(format).toBuffer();
  return new Uint8Array(encoded);
}

const encoder = new TextEncoder();

export const NOT_IMAGES = {
  svg: encoder.encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'),
  html: encoder.encode('<!doctype html><title>x</title><script>alert(1)</script>'),
  text: encoder.encode('just some text, named photo.jpg'),
  pdf: encoder.encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'),
  empty: new Uint8Array(0),
} as const;

/** `magic` followed by garbage: starts like an image, is not one. */
export function fakeImage(magic: readonly number[], length = 256): Uint8Array {
  const bytes = new Uint8Array(length);
  bytes.set(magic);
  for (let index = magic.length; index < length; index += 1) bytes[index] = (index * 31) % 256;
  return bytes;
}

export const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const JPEG_MAGIC = [0xff, 0xd8, 0xff, 0xe0];
