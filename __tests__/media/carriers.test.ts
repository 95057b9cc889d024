import sharp from 'sharp';
import type { Database } from '@/lib/db/connection';
import { findMetadataCarriers } from '@/lib/media/containers';
import { hasPrivateMetadata, stripPrivateMetadata } from '@/lib/media/metadata';
import { mediaResponse } from '@/lib/media/serve';
import { sniffMediaKind } from '@/lib/media/sniff';
import { getMedia } from '@/lib/media/store';
import { handleMediaUpload } from '@/lib/media/upload';
import { describeEachEngine } from '../data/engines';
import { HOSTILE_IMAGES, SECRETS, type HostileImage } from './carriers';
import type { ImageFormat } from './images';

const NOW = new Date('2026-11-23T08:00:00Z');
const WIDTH = 36;
const HEIGHT = 24;
const COLOUR = { r: 30, g: 140, b: 220 };
const FORMATS: ImageFormat[] = ['jpeg', 'png', 'webp', 'avif', 'gif'];

async function cleanBase(format: ImageFormat): Promise<Uint8Array> {
  const encoded = await sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: COLOUR } }).toFormat(format).toBuffer();
  return new Uint8Array(encoded);
}

const hostile = async (image: HostileImage) => image.build(await cleanBase(image.format));
const cases = HOSTILE_IMAGES.map((image) => [image.format, image.carrier, image] as const);

/** Neither the secrets nor the block's own label survive, and the container has nothing extra. */
function expectNothingLeft(bytes: Uint8Array, format: ImageFormat) {
  const text = Buffer.from(bytes).toString('latin1');
  for (const secret of SECRETS) expect(text).not.toContain(secret);
  expect(text).not.toContain('Raw profile type');
  expect(text).not.toContain('xmpmeta');
  expect(findMetadataCarriers(bytes, format)).toEqual([]);
}

/** Decodes, at the right size, in the colour it was made in (lossy formats within a margin). */
async function expectSamePicture(bytes: Uint8Array, width = WIDTH, height = HEIGHT) {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  expect([info.width, info.height]).toEqual([width, height]);
  const centre = (Math.floor(height / 2) * width + Math.floor(width / 2)) * info.channels;
  const [r = -1, g = -1, b = -1] = data.subarray(centre, centre + 3);
  for (const [actual, expected] of [[r, COLOUR.r], [g, COLOUR.g], [b, COLOUR.b]] as const) expect(Math.abs(actual - expected)).toBeLessThanOrEqual(12);
}

describe('the container walk', () => {
  it.each(FORMATS)('finds nothing extra in a clean %s from sharp', async (format) => {
    expect(findMetadataCarriers(await cleanBase(format), format)).toEqual([]);
  });

  it.each(cases)('names a %s image with %s', async (format, _carrier, image) => {
    const bytes = await hostile(image);
    expect(sniffMediaKind(bytes)).toBe(format);
    expect(findMetadataCarriers(bytes, format)).not.toEqual([]);
    expect(await hasPrivateMetadata(bytes)).toBe(true);
  });

  it.each<ImageFormat>(['jpeg', 'png', 'webp', 'avif'])('counts the ICC profile of a %s as something rendering needs', async (format) => {
    const withProfile = new Uint8Array(await sharp(await cleanBase(format)).withIccProfile('p3').toBuffer());
    expect((await sharp(withProfile).metadata()).icc).toBeDefined();
    expect(findMetadataCarriers(withProfile, format)).toEqual([]);
  });

  it.each<ImageFormat>(['jpeg', 'png', 'webp', 'avif'])('names EXIF and XMP that sharp writes into a %s where they usually go', async (format) => {
    const tagged = await sharp(await cleanBase(format))
      .withExif({ IFD0: { Make: SECRETS[1], Artist: SECRETS[2] } })
      .withXmp(`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>`)
      .toBuffer();
    expect(findMetadataCarriers(new Uint8Array(tagged), format).length).toBeGreaterThanOrEqual(2);
  });

  it('names structures it cannot walk rather than passing them', () => {
    const truncatedPng = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(findMetadataCarriers(truncatedPng, 'png')).not.toEqual([]);
    expect(findMetadataCarriers(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff]), 'jpeg')).not.toEqual([]);
  });
});

describe('re-encoding what carries more than pixels', () => {
  it.each(cases)('a %s with %s keeps its picture and loses the block', async (format, _carrier, image) => {
    const clean = await stripPrivateMetadata(await hostile(image), format);
    expectNothingLeft(clean, format);
    await expectSamePicture(clean);
  });

  it.each<ImageFormat>(['jpeg', 'png', 'webp'])('a turned %s photo with a comment block stands upright after', async (format) => {
    const turned = await sharp(await cleanBase(format)).withMetadata({ orientation: 6 }).toBuffer();
    const image = HOSTILE_IMAGES.find((candidate) => candidate.format === format);
    if (image === undefined) throw new Error(`no carrier for ${format}`);
    const clean = await stripPrivateMetadata(image.build(new Uint8Array(turned)), format);
    const metadata = await sharp(clean).metadata();
    expect([metadata.width, metadata.height]).toEqual([HEIGHT, WIDTH]);
    expect(metadata.orientation ?? 1).toBe(1);
    expectNothingLeft(clean, format);
  });

  it.each<ImageFormat>(['jpeg', 'png', 'webp', 'avif'])('a %s keeps its ICC profile when a block forces a re-encode', async (format) => {
    const image = HOSTILE_IMAGES.find((candidate) => candidate.format === format);
    if (image === undefined) throw new Error(`no carrier for ${format}`);
    const withProfile = new Uint8Array(await sharp(await cleanBase(format)).withIccProfile('p3').toBuffer());
    const profile = (await sharp(withProfile).metadata()).icc;
    const clean = await stripPrivateMetadata(image.build(withProfile), format);
    expect((await sharp(clean).metadata()).icc?.equals(profile ?? Buffer.alloc(0))).toBe(true);
    expectNothingLeft(clean, format);
  });

  it('keeps every frame, the delays and the loop of an animated GIF with a comment', async () => {
    const frame = (background: typeof COLOUR) => sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background } }).png().toBuffer();
    const frames = await Promise.all([COLOUR, { r: 250, g: 250, b: 0 }, { r: 10, g: 10, b: 10 }].map(frame));
    const animation = new Uint8Array(await sharp(frames, { join: { animated: true } }).gif({ loop: 3, delay: [100, 200, 300] }).toBuffer());
    const image = HOSTILE_IMAGES.find((candidate) => candidate.format === 'gif');
    if (image === undefined) throw new Error('no GIF carrier');
    const clean = await stripPrivateMetadata(image.build(animation), 'gif');
    expectNothingLeft(clean, 'gif');
    const metadata = await sharp(clean, { animated: true }).metadata();
    expect(metadata).toMatchObject({ pages: 3, width: WIDTH, pageHeight: HEIGHT, loop: 3, delay: [100, 200, 300] });
  });
});

describeEachEngine('uploading an image with metadata', (harness) => {
  let database: Database;
  beforeAll(async () => {
    database = await harness.fresh();
  });

  it.each(cases)('stores and serves a %s with %s without it', async (format, _carrier, image) => {
    const upload = await hostile(image);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(upload)]), 'photo');
    const request = new Request('http://127.0.0.1/api/desk/media', { method: 'POST', body: form });
    const response = await handleMediaUpload(request, { database, maxBytes: 1024 * 1024, uploadedBy: 'Rita', now: NOW });
    // 201, or 200 when another carrier's upload of the same picture re-encoded to the same bytes.
    expect([200, 201]).toContain(response.status);
    const { src, width, height } = (await response.json()) as { src: string; width: number; height: number };
    expect([width, height]).toEqual([WIDTH, HEIGHT]);

    const stored = await getMedia(database, src.slice('/media/'.length));
    if (stored === null) throw new Error(`${src} was not stored`);
    expectNothingLeft(stored.data, format);

    const served = mediaResponse(stored, new Headers());
    expect(served.status).toBe(200);
    const body = new Uint8Array(await served.arrayBuffer());
    expect(Buffer.from(body).equals(Buffer.from(stored.data))).toBe(true);
    expectNothingLeft(body, format);
    await expectSamePicture(body);
  });
});
