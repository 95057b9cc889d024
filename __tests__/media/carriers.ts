/**
 * Hostile images for the metadata tests, built byte by byte so each carries exactly one kind of
 * metadata block, in exactly the place real tools put it. Each block holds the same secrets (a GPS
 * position, a camera, a photographer), so a test can look for them in what the site stores.
 */
import { crc32, deflateSync } from 'node:zlib';
import type { ImageFormat } from './images';

/** What a leaked block would give away; none of it may reach a stored file. */
export const SECRETS = ['52.37021', 'Ctrl-Camera X9', 'Anonieme Bron'] as const;
const SECRET_TEXT = `GPSLatitude=${SECRETS[0]} N; GPSLongitude=4.89517 E; Make=${SECRETS[1]}; Artist=${SECRETS[2]}`;

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const uint32be = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value);
  return bytes;
};
const uint32le = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);
  return bytes;
};

/** "Raw profile type exif" as ImageMagick and exiftool write it: a label, a length, then hex. */
function rawProfileText(): Buffer {
  const exif = Buffer.concat([latin1('Exif\0\0'), latin1(SECRET_TEXT)]);
  const hex = exif.toString('hex').replace(/(.{72})/g, '$1\n');
  return latin1(`\nexif\n${String(exif.length).padStart(8)}\n${hex}\n`);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const typeAndData = Buffer.concat([latin1(type), data]);
  return Buffer.concat([uint32be(data.length), typeAndData, uint32be(crc32(typeAndData))]);
}

/** Inserts chunks right after IHDR (where tools write text), or appends bytes after IEND. */
function withPngChunks(png: Uint8Array, chunks: Buffer[], trailer?: Buffer): Uint8Array {
  const bytes = Buffer.from(png);
  const afterHeader = 8 + 12 + bytes.readUInt32BE(8);
  return new Uint8Array(Buffer.concat([bytes.subarray(0, afterHeader), ...chunks, bytes.subarray(afterHeader), trailer ?? Buffer.alloc(0)]));
}

function jpegSegment(marker: number, data: Buffer): Buffer {
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([header, data]);
}

/** Inserts segments right after SOI, or appends bytes after EOI. */
function withJpegSegments(jpeg: Uint8Array, segments: Buffer[], trailer?: Buffer): Uint8Array {
  const bytes = Buffer.from(jpeg);
  return new Uint8Array(Buffer.concat([bytes.subarray(0, 2), ...segments, bytes.subarray(2), trailer ?? Buffer.alloc(0)]));
}

function riffChunk(type: string, data: Buffer): Buffer {
  const padding = data.length % 2 === 1 ? Buffer.alloc(1) : Buffer.alloc(0);
  return Buffer.concat([latin1(type), uint32le(data.length), data, padding]);
}

/** Appends chunks inside the RIFF container (its size updated), or bytes after it. */
function withWebpChunks(webp: Uint8Array, chunks: Buffer[], trailer?: Buffer): Uint8Array {
  const bytes = Buffer.from(webp);
  const body = Buffer.concat([bytes.subarray(12, 8 + bytes.readUInt32LE(4)), ...chunks]);
  const header = Buffer.concat([latin1('RIFF'), uint32le(body.length + 4), latin1('WEBP')]);
  return new Uint8Array(Buffer.concat([header, body, trailer ?? Buffer.alloc(0)]));
}

function gifSubBlocks(data: Buffer): Buffer {
  const blocks: Buffer[] = [];
  for (let offset = 0; offset < data.length; offset += 255) {
    const block = data.subarray(offset, offset + 255);
    blocks.push(Buffer.from([block.length]), block);
  }
  return Buffer.concat([...blocks, Buffer.from([0])]);
}

/** Inserts extensions after the screen descriptor and global colour table, or appends bytes after the trailer. */
function withGifExtensions(gif: Uint8Array, extensions: Buffer[], trailer?: Buffer): Uint8Array {
  const bytes = Buffer.from(gif);
  const flags = bytes[10] ?? 0;
  const tableEnd = 13 + ((flags & 0x80) !== 0 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
  return new Uint8Array(Buffer.concat([bytes.subarray(0, tableEnd), ...extensions, bytes.subarray(tableEnd), trailer ?? Buffer.alloc(0)]));
}

function isoBox(type: string, data: Buffer): Buffer {
  return Buffer.concat([uint32be(data.length + 8), latin1(type), data]);
}

const TRAILER = latin1(`\0\0${SECRET_TEXT}`);

export interface HostileImage {
  format: ImageFormat;
  carrier: string;
  /** The base image with the carrier added. */
  build(base: Uint8Array): Uint8Array;
}

/** Every carrier, per format. The base image is a clean one of that format made by sharp. */
export const HOSTILE_IMAGES: HostileImage[] = [
  { format: 'png', carrier: 'tEXt "Raw profile type exif"', build: (png) => withPngChunks(png, [pngChunk('tEXt', Buffer.concat([latin1('Raw profile type exif\0'), rawProfileText()]))]) },
  { format: 'png', carrier: 'tEXt Artist', build: (png) => withPngChunks(png, [pngChunk('tEXt', latin1(`Artist\0${SECRETS[2]}`)), pngChunk('tEXt', latin1(`Make\0${SECRETS[1]}`))]) },
  { format: 'png', carrier: 'zTXt "Raw profile type exif"', build: (png) => withPngChunks(png, [pngChunk('zTXt', Buffer.concat([latin1('Raw profile type exif\0\0'), deflateSync(rawProfileText())]))]) },
  { format: 'png', carrier: 'iTXt (uncompressed)', build: (png) => withPngChunks(png, [pngChunk('iTXt', Buffer.concat([latin1('Description\0\0\0nl\0Beschrijving\0'), Buffer.from(SECRET_TEXT, 'utf8')]))]) },
  { format: 'png', carrier: 'iTXt (compressed XMP)', build: (png) => withPngChunks(png, [pngChunk('iTXt', Buffer.concat([latin1('XML:com.adobe.xmp\0\x01\0\0\0'), deflateSync(Buffer.from(`<x:xmpmeta>${SECRET_TEXT}</x:xmpmeta>`, 'utf8'))]))]) },
  { format: 'png', carrier: 'tIME and a private chunk', build: (png) => withPngChunks(png, [pngChunk('tIME', Buffer.from([0x07, 0xea, 11, 23, 8, 0, 0])), pngChunk('prVt', latin1(SECRET_TEXT))]) },
  { format: 'png', carrier: 'data after IEND', build: (png) => withPngChunks(png, [], TRAILER) },
  { format: 'jpeg', carrier: 'COM comment', build: (jpeg) => withJpegSegments(jpeg, [jpegSegment(0xfe, latin1(SECRET_TEXT))]) },
  { format: 'jpeg', carrier: 'two COM comments between the tables', build: (jpeg) => withJpegSegments(jpeg, [jpegSegment(0xfe, latin1(SECRETS[0])), jpegSegment(0xfe, latin1(`${SECRETS[1]} ${SECRETS[2]}`))]) },
  { format: 'jpeg', carrier: 'an APP12 (Ducky) and an APP3 segment', build: (jpeg) => withJpegSegments(jpeg, [jpegSegment(0xec, latin1(`Ducky\0${SECRET_TEXT}`)), jpegSegment(0xe3, latin1(SECRET_TEXT))]) },
  { format: 'jpeg', carrier: 'data after EOI', build: (jpeg) => withJpegSegments(jpeg, [], TRAILER) },
  { format: 'webp', carrier: 'an EXIF chunk', build: (webp) => withWebpChunks(webp, [riffChunk('EXIF', Buffer.concat([latin1('II*\0'), latin1(SECRET_TEXT)]))]) },
  { format: 'webp', carrier: 'an XMP chunk', build: (webp) => withWebpChunks(webp, [riffChunk('XMP ', latin1(`<x:xmpmeta>${SECRET_TEXT}</x:xmpmeta>`))]) },
  { format: 'webp', carrier: 'an unknown chunk', build: (webp) => withWebpChunks(webp, [riffChunk('NOTE', latin1(SECRET_TEXT))]) },
  { format: 'webp', carrier: 'data after the RIFF container', build: (webp) => withWebpChunks(webp, [], TRAILER) },
  { format: 'gif', carrier: 'a comment extension', build: (gif) => withGifExtensions(gif, [Buffer.concat([Buffer.from([0x21, 0xfe]), gifSubBlocks(latin1(SECRET_TEXT))])]) },
  { format: 'gif', carrier: 'an XMP application extension', build: (gif) => withGifExtensions(gif, [Buffer.concat([Buffer.from([0x21, 0xff, 11]), latin1('XMP DataXMP'), gifSubBlocks(latin1(`<x:xmpmeta>${SECRET_TEXT}</x:xmpmeta>`))])]) },
  { format: 'gif', carrier: 'a plain text extension', build: (gif) => withGifExtensions(gif, [Buffer.concat([Buffer.from([0x21, 0x01, 12, 0, 0, 0, 0, 24, 0, 16, 0, 8, 8, 1, 0]), gifSubBlocks(latin1(SECRET_TEXT))])]) },
  { format: 'gif', carrier: 'data after the trailer', build: (gif) => withGifExtensions(gif, [], TRAILER) },
  { format: 'avif', carrier: 'a uuid box', build: (avif) => new Uint8Array(Buffer.concat([Buffer.from(avif), isoBox('uuid', Buffer.concat([Buffer.alloc(16, 0x42), latin1(SECRET_TEXT)]))])) },
  { format: 'avif', carrier: 'a free box', build: (avif) => new Uint8Array(Buffer.concat([Buffer.from(avif), isoBox('free', latin1(SECRET_TEXT))])) },
];
