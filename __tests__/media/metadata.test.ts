import sharp from 'sharp';
import type { Database } from '@/lib/db/connection';
import { hasPrivateMetadata, stripPrivateMetadata } from '@/lib/media/metadata';
import { getMedia, storeMedia } from '@/lib/media/store';
import { describeEachEngine } from '../data/engines';
import { makeImage, type ImageFormat } from './images';

const NOW = new Date('2026-11-23T08:00:00Z');

/** A photo as a phone makes it: GPS position and device in EXIF, and turned by the orientation tag. */
async function phonePhoto(format: ImageFormat = 'jpeg'): Promise<Uint8Array> {
  const pixels = sharp({ create: { width: 60, height: 40, channels: 3, background: { r: 200, g: 40, b: 40 } } });
  const encoded = await pixels
    .toFormat(format)
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 15', Copyright: 'Fotograaf' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 22/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '4/1 53/1 0/1' },
    })
    .toBuffer();
  // Orientation 6: the camera was turned; viewers rotate 90° clockwise.
  return new Uint8Array(await sharp(encoded).keepExif().withMetadata({ orientation: 6 }).toBuffer());
}

describe('removing location and device metadata', () => {
  it.each<ImageFormat>(['jpeg', 'png', 'webp'])('strips EXIF from a %s photo', async (format) => {
    const photo = await phonePhoto(format);
    expect(await hasPrivateMetadata(photo)).toBe(true);
    const clean = await stripPrivateMetadata(photo, format);
    expect(await hasPrivateMetadata(clean)).toBe(false);
    expect(Buffer.from(clean).includes(Buffer.from('PhoneMaker'))).toBe(false);
  });

  it('applies the orientation to the pixels, so the picture still stands upright', async () => {
    const clean = await stripPrivateMetadata(await phonePhoto('jpeg'), 'jpeg');
    const metadata = await sharp(clean).metadata();
    expect([metadata.width, metadata.height]).toEqual([40, 60]);
    expect(metadata.orientation ?? 1).toBe(1);
  });

  it('leaves an image without such metadata byte for byte as it was', async () => {
    const plain = await makeImage('jpeg');
    expect(await stripPrivateMetadata(plain, 'jpeg')).toBe(plain);
  });

  it('is deterministic: the same photo gives the same bytes', async () => {
    const photo = await phonePhoto('jpeg');
    const [a, b] = await Promise.all([stripPrivateMetadata(photo, 'jpeg'), stripPrivateMetadata(photo, 'jpeg')]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

describeEachEngine('storing a phone photo', (harness) => {
  let database: Database;
  beforeAll(async () => {
    database = await harness.fresh();
  });

  it('stores it without its GPS position, upright, and under one name however often it is uploaded', async () => {
    const photo = await phonePhoto('jpeg');
    const first = await storeMedia(database, photo, { uploadedBy: null, now: NOW });
    const second = await storeMedia(database, photo, { uploadedBy: null, now: NOW });
    expect(second).toEqual({ item: first.item, created: false });
    expect(first.item).toMatchObject({ width: 40, height: 60, contentType: 'image/jpeg' });
    const stored = await getMedia(database, first.item.fileName);
    expect(stored).not.toBeNull();
    expect(await hasPrivateMetadata(stored?.data ?? new Uint8Array())).toBe(false);
    expect(stored?.bytes).toBe(stored?.data.length);
  });
});
