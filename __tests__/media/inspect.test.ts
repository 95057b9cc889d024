import { ImageRejectedError, inspectImage } from '@/lib/media/inspect';
import { DEFAULT_MEDIA_MAX_BYTES, mediaMaxBytes, MediaTooLargeError, readWithLimit } from '@/lib/media/limits';
import { sniffMediaKind } from '@/lib/media/sniff';
import sharp from 'sharp';
import { fakeImage, JPEG_MAGIC, makeImage, NOT_IMAGES, PNG_MAGIC, type ImageFormat } from './images';

const rejection = async (bytes: Uint8Array) => {
  const error: unknown = await inspectImage(bytes).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ImageRejectedError)) throw new Error(`expected an ImageRejectedError, got ${String(error)}`);
  return error.reason;
};

describe('sniffing the format from the bytes', () => {
  it.each<[ImageFormat, string]>([
    ['jpeg', 'jpeg'],
    ['png', 'png'],
    ['webp', 'webp'],
    ['avif', 'avif'],
    ['gif', 'gif'],
  ])('a real %s image is recognised as %s', async (format, kind) => {
    expect(sniffMediaKind(await makeImage(format))).toBe(kind);
  });

  it.each(Object.entries(NOT_IMAGES))('%s is not an accepted image', (_name, bytes) => {
    expect(sniffMediaKind(bytes)).toBeNull();
  });

  it('does not take HEIC (an ISO-BMFF file without an AVIF brand) for AVIF', () => {
    const heic = new Uint8Array([0, 0, 0, 24, ...[...'ftypheic'].map((c) => c.charCodeAt(0)), 0, 0, 0, 0, ...[...'mif1heic'].map((c) => c.charCodeAt(0))]);
    expect(sniffMediaKind(heic)).toBeNull();
  });
});

describe('inspecting an upload', () => {
  it.each<[ImageFormat, string, string]>([
    ['jpeg', 'image/jpeg', 'jpg'],
    ['png', 'image/png', 'png'],
    ['webp', 'image/webp', 'webp'],
    ['avif', 'image/avif', 'avif'],
    ['gif', 'image/gif', 'gif'],
  ])('accepts %s with its decoded dimensions, Content-Type %s and extension %s', async (format, contentType, extension) => {
    const inspected = await inspectImage(await makeImage(format, 40, 30));
    expect(inspected).toEqual({ kind: format, contentType, extension, width: 40, height: 30 });
  });

  it.each(Object.entries(NOT_IMAGES))('refuses %s as an unsupported type', async (_name, bytes) => {
    expect(await rejection(bytes)).toBe('unsupported-type');
  });

  it('refuses garbage behind PNG or JPEG magic bytes as undecodable', async () => {
    expect(await rejection(fakeImage(PNG_MAGIC))).toBe('undecodable');
    expect(await rejection(fakeImage(JPEG_MAGIC))).toBe('undecodable');
  });

  it('refuses a truncated image', async () => {
    const png = await makeImage('png', 200, 200, 7);
    expect(await rejection(png.subarray(0, Math.floor(png.length / 2)))).toBe('undecodable');
  });

  it('refuses a file whose magic bytes and body disagree (PNG magic on a JPEG)', async () => {
    const jpeg = await makeImage('jpeg');
    const disguised = new Uint8Array(PNG_MAGIC.length + jpeg.length);
    disguised.set(PNG_MAGIC);
    disguised.set(jpeg, PNG_MAGIC.length);
    expect(await rejection(disguised)).not.toBeNull();
  });

  it('refuses a decompression bomb by its pixel count before decoding it', async () => {
    // 8000 × 7000 (56 megapixels) of one colour compresses to a small PNG.
    const bomb = new Uint8Array(
      await sharp({ create: { width: 8000, height: 7000, channels: 3, background: { r: 0, g: 0, b: 0 } } })
        .png({ compressionLevel: 9, palette: true })
        .toBuffer(),
    );
    expect(bomb.length).toBeLessThan(DEFAULT_MEDIA_MAX_BYTES);
    expect(await rejection(bomb)).toBe('too-many-pixels');
  });
});

describe('the size limit', () => {
  it.each<[string | undefined, number]>([
    [undefined, 5 * 1024 * 1024],
    ['', 5 * 1024 * 1024],
    ['1048576', 1_048_576],
    [' 2000000 ', 2_000_000],
  ])('MEDIA_MAX_BYTES=%p gives %d bytes', (raw, expected) => {
    expect(mediaMaxBytes({ MEDIA_MAX_BYTES: raw })).toBe(expected);
  });

  it.each(['-1', '5MB', '1.5', '100', String(60 * 1024 * 1024)])('MEDIA_MAX_BYTES=%p is a configuration error', (raw) => {
    expect(() => mediaMaxBytes({ MEDIA_MAX_BYTES: raw })).toThrow(/MEDIA_MAX_BYTES/);
  });

  const streamOf = (chunks: Uint8Array[], onCancel: () => void = () => undefined) => {
    let index = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks[index++];
        if (chunk === undefined) controller.close();
        else controller.enqueue(chunk);
      },
      cancel: onCancel,
    });
  };

  it('reads a body up to the limit whole', async () => {
    const body = await readWithLimit(streamOf([new Uint8Array([1, 2]), new Uint8Array([3])]), 3);
    expect([...body]).toEqual([1, 2, 3]);
  });

  it('stops reading, and cancels the stream, at the first chunk past the limit', async () => {
    let cancelled = false;
    let pulled = 0;
    const chunks = Array.from({ length: 100 }, () => new Uint8Array(1024));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(chunks[pulled - 1] ?? new Uint8Array(0));
      },
      cancel() {
        cancelled = true;
      },
    });
    await expect(readWithLimit(stream, 4000)).rejects.toBeInstanceOf(MediaTooLargeError);
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(6);
  });

  it('treats a missing body as empty', async () => {
    expect((await readWithLimit(null, 10)).length).toBe(0);
  });
});
