/**
 * What an image file carries besides what a browser needs to draw it, read from the container
 * itself rather than from a decoder's summary.
 *
 * A decoder reports the metadata it knows (EXIF, XMP, IPTC) and stays silent about the rest: PNG
 * text chunks ("Raw profile type exif" carries a whole EXIF block, GPS included, as hex text),
 * JPEG comments, GIF comment and application extensions, WebP chunks it does not know, boxes an
 * AVIF file does not need, and bytes after the end of the image. So each container is walked here
 * block by block against an allow-list of what rendering needs (pixels, palette and
 * transparency, colour: the ICC profile and the colour-space chunks, and animation control), and
 * every other block is named. Anything named makes lib/media/metadata.ts re-encode the image.
 *
 * The walk is an allow-list on purpose: a block nobody thought of is a reason to re-encode, never a
 * reason to publish the file as uploaded. A structure that cannot be walked is named too.
 */
import type { MediaKind } from './sniff';

/** Human-readable names of the blocks that are not needed to render the image; empty when clean. */
export function findMetadataCarriers(bytes: Uint8Array, kind: MediaKind): string[] {
  switch (kind) {
    case 'png':
      return pngCarriers(bytes);
    case 'jpeg':
      return jpegCarriers(bytes);
    case 'webp':
      return webpCarriers(bytes);
    case 'gif':
      return gifCarriers(bytes);
    case 'avif':
      return avifCarriers(bytes);
  }
}

const fourCc = (bytes: Uint8Array, offset: number) => String.fromCharCode(...bytes.subarray(offset, offset + 4));
const uint32be = (bytes: Uint8Array, offset: number) =>
  (((bytes[offset] ?? 0) << 24) >>> 0) + ((bytes[offset + 1] ?? 0) << 16) + ((bytes[offset + 2] ?? 0) << 8) + (bytes[offset + 3] ?? 0);
const uint16be = (bytes: Uint8Array, offset: number) => ((bytes[offset] ?? 0) << 8) + (bytes[offset + 1] ?? 0);
const uint32le = (bytes: Uint8Array, offset: number) =>
  (bytes[offset] ?? 0) + ((bytes[offset + 1] ?? 0) << 8) + ((bytes[offset + 2] ?? 0) << 16) + (((bytes[offset + 3] ?? 0) << 24) >>> 0);
const startsWithText = (bytes: Uint8Array, offset: number, text: string) =>
  [...text].every((char, index) => bytes[offset + index] === char.charCodeAt(0));

/**
 * PNG chunks a browser uses to draw the image: header, palette, pixels, transparency, colour
 * (gamma, chromaticities, sRGB intent, ICC profile, coding-independent code points, significant
 * bits), pixel aspect (pHYs, which encoders write by default), and APNG's animation chunks.
 */
const PNG_RENDERING_CHUNKS = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'cICP', 'sBIT', 'pHYs', 'acTL', 'fcTL', 'fdAT']);

function pngCarriers(bytes: Uint8Array): string[] {
  const carriers: string[] = [];
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = uint32be(bytes, offset);
    const type = fourCc(bytes, offset + 4);
    const end = offset + 12 + length;
    if (end > bytes.length) return [...carriers, 'a truncated PNG chunk'];
    if (!PNG_RENDERING_CHUNKS.has(type)) carriers.push(`PNG ${type} chunk`);
    offset = end;
    if (type === 'IEND') {
      if (offset < bytes.length) carriers.push('data after the PNG IEND chunk');
      return carriers;
    }
  }
  return [...carriers, 'a PNG without an IEND chunk'];
}

/**
 * JPEG segments a decoder needs: tables, frame and scan headers, restart intervals, JFIF's
 * header (without a thumbnail), the ICC profile (APP2 "ICC_PROFILE") and Adobe's colour transform
 * flag (APP14), which decides how CMYK and YCCK pixels are read. Everything else, APP1 (EXIF, XMP),
 * APP13 (IPTC), comments, other application segments (MPF's second pictures, maker data) and
 * bytes after the end-of-image marker, is named.
 */
function jpegCarriers(bytes: Uint8Array): string[] {
  const carriers: string[] = [];
  let offset = 2;
  while (offset < bytes.length) {
    if (bytes[offset] !== 0xff) return [...carriers, 'a JPEG segment that does not start with a marker'];
    const marker = bytes[offset + 1] ?? -1;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xd9) {
      if (offset + 2 < bytes.length) carriers.push('data after the JPEG end-of-image marker');
      return carriers;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    const length = uint16be(bytes, offset + 2);
    const body = offset + 4;
    const end = offset + 2 + length;
    if (length < 2 || end > bytes.length) return [...carriers, 'a truncated JPEG segment'];
    const name = jpegSegmentCarrier(bytes, marker, body, end);
    if (name !== null) carriers.push(name);
    offset = end;
    if (marker === 0xda) offset = skipEntropyCodedData(bytes, offset);
  }
  return [...carriers, 'a JPEG without an end-of-image marker'];
}

/** The name of a JPEG segment that rendering does not need, or null for one it does. */
function jpegSegmentCarrier(bytes: Uint8Array, marker: number, body: number, end: number): string | null {
  const isFrameOrTable = (marker >= 0xc0 && marker <= 0xcf) || marker === 0xda || marker === 0xdb || marker === 0xdd || marker === 0xdc;
  if (isFrameOrTable) return null;
  if (marker === 0xe0 && startsWithText(bytes, body, 'JFIF\0')) {
    // A JFIF header is 14 bytes; thumbnail width and height (bytes 12 and 13) must be 0.
    const hasThumbnail = end - body > 14 || (bytes[body + 12] ?? 0) !== 0 || (bytes[body + 13] ?? 0) !== 0;
    return hasThumbnail ? 'a JPEG JFIF thumbnail' : null;
  }
  if (marker === 0xe2 && startsWithText(bytes, body, 'ICC_PROFILE\0')) return null;
  if (marker === 0xee && startsWithText(bytes, body, 'Adobe')) return null;
  if (marker === 0xfe) return 'a JPEG comment (COM)';
  if (marker >= 0xe0 && marker <= 0xef) return `a JPEG APP${marker - 0xe0} segment`;
  return `a JPEG segment 0xFF${marker.toString(16).toUpperCase()}`;
}

/** The offset of the first marker after a scan's entropy-coded data (stuffed zeros and restarts skipped). */
function skipEntropyCodedData(bytes: Uint8Array, from: number): number {
  let offset = from;
  while (offset + 1 < bytes.length) {
    if (bytes[offset] === 0xff) {
      const next = bytes[offset + 1] ?? 0;
      if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7)) return offset;
    }
    offset += 1;
  }
  return bytes.length;
}

/** WebP chunks that draw the image: the bitstreams, alpha, the extended header, animation, ICC. */
const WEBP_RENDERING_CHUNKS = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);
/** Inside an animation frame, after its 16-byte header: the frame's alpha and bitstream. */
const WEBP_FRAME_CHUNKS = new Set(['ALPH', 'VP8 ', 'VP8L']);

function webpCarriers(bytes: Uint8Array): string[] {
  const riffEnd = 8 + uint32le(bytes, 4);
  if (riffEnd > bytes.length) return ['a truncated WebP file'];
  const carriers = riffChunkCarriers(bytes, 12, riffEnd, WEBP_RENDERING_CHUNKS, true);
  if (riffEnd < bytes.length) carriers.push('data after the WebP RIFF container');
  return carriers;
}

function riffChunkCarriers(bytes: Uint8Array, from: number, to: number, allowed: ReadonlySet<string>, topLevel: boolean): string[] {
  const carriers: string[] = [];
  let offset = from;
  while (offset + 8 <= to) {
    const type = fourCc(bytes, offset);
    const size = uint32le(bytes, offset + 4);
    const end = offset + 8 + size + (size % 2);
    if (offset + 8 + size > to) return [...carriers, 'a truncated WebP chunk'];
    if (!allowed.has(type)) carriers.push(`a WebP ${type.trim()} chunk`);
    else if (topLevel && type === 'ANMF') carriers.push(...riffChunkCarriers(bytes, offset + 8 + 16, offset + 8 + size, WEBP_FRAME_CHUNKS, false));
    offset = end;
  }
  if (offset < to) carriers.push('a truncated WebP chunk');
  return carriers;
}

/** GIF application extensions that only control looping. */
const GIF_LOOP_APPLICATIONS = ['NETSCAPE2.0', 'ANIMEXTS1.0'];

/**
 * GIF blocks that draw the image: the screen descriptor and colour tables, image descriptors with
 * their pixel data, graphic control (delay, transparency) and the looping extension. Comments,
 * plain-text overlays (which browsers do not draw) and other application extensions (XMP among
 * them) are named.
 */
function gifCarriers(bytes: Uint8Array): string[] {
  const carriers: string[] = [];
  const colourTableSize = (flags: number) => ((flags & 0x80) !== 0 ? 3 * 2 ** ((flags & 0x07) + 1) : 0);
  let offset = 13 + colourTableSize(bytes[10] ?? 0);
  const skipSubBlocks = (from: number): number => {
    let at = from;
    while (at < bytes.length) {
      const size = bytes[at] ?? 0;
      at += 1 + size;
      if (size === 0) return at;
    }
    return -1;
  };
  while (offset < bytes.length) {
    const introducer = bytes[offset];
    if (introducer === 0x3b) {
      if (offset + 1 < bytes.length) carriers.push('data after the GIF trailer');
      return carriers;
    }
    let next: number;
    if (introducer === 0x2c) {
      const afterDescriptor = offset + 10 + colourTableSize(bytes[offset + 9] ?? 0);
      next = skipSubBlocks(afterDescriptor + 1); // one byte of LZW minimum code size first
    } else if (introducer === 0x21) {
      const label = bytes[offset + 1];
      if (label === 0xfe) carriers.push('a GIF comment extension');
      else if (label === 0x01) carriers.push('a GIF plain text extension');
      else if (label === 0xff) {
        const application = (bytes[offset + 2] ?? 0) === 11 ? String.fromCharCode(...bytes.subarray(offset + 3, offset + 14)) : '';
        if (!GIF_LOOP_APPLICATIONS.includes(application)) carriers.push('a GIF application extension');
      } else if (label !== 0xf9) carriers.push('an unknown GIF extension');
      next = skipSubBlocks(offset + 2);
    } else {
      return [...carriers, 'a GIF block of unknown type'];
    }
    if (next < 0) return [...carriers, 'a truncated GIF block'];
    offset = next;
  }
  return [...carriers, 'a GIF without a trailer'];
}

/**
 * AVIF (ISO-BMFF) top-level boxes: the file type, the `meta` box that describes the items, the
 * media data, and, for image sequences, the `moov` track structure. Inside `meta`, the items must
 * be images (`av01`, `grid`), never `Exif`, `mime` (XMP) or `uri `; boxes of any other type, and
 * `udta` or `meta` inside a sequence's tracks, are named.
 */
const AVIF_TOP_LEVEL_BOXES = new Set(['ftyp', 'meta', 'mdat', 'moov']);
const AVIF_IMAGE_ITEMS = new Set(['av01', 'grid']);
const MOOV_CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'edts', 'dinf', 'mvex']);

interface IsoBox {
  type: string;
  /** Offset of the box's content, after its header. */
  body: number;
  end: number;
}

function isoBoxes(bytes: Uint8Array, from: number, to: number): IsoBox[] | null {
  const boxes: IsoBox[] = [];
  let offset = from;
  while (offset + 8 <= to) {
    let size = uint32be(bytes, offset);
    let header = 8;
    if (size === 1) {
      if (offset + 16 > to) return null;
      size = uint32be(bytes, offset + 8) * 2 ** 32 + uint32be(bytes, offset + 12);
      header = 16;
    } else if (size === 0) size = to - offset;
    if (size < header || offset + size > to) return null;
    boxes.push({ type: fourCc(bytes, offset + 4), body: offset + header, end: offset + size });
    offset += size;
  }
  return offset === to ? boxes : null;
}

function avifCarriers(bytes: Uint8Array): string[] {
  const boxes = isoBoxes(bytes, 0, bytes.length);
  if (boxes === null) return ['an AVIF box structure that cannot be read'];
  const carriers: string[] = [];
  for (const box of boxes) {
    if (!AVIF_TOP_LEVEL_BOXES.has(box.type)) carriers.push(`an AVIF ${box.type} box`);
    else if (box.type === 'meta') carriers.push(...avifItemCarriers(bytes, box));
    else if (box.type === 'moov') carriers.push(...moovCarriers(bytes, box));
  }
  return carriers;
}

/** Items of the `meta` box (a full box: 4 bytes of version and flags before its children). */
function avifItemCarriers(bytes: Uint8Array, meta: IsoBox): string[] {
  const children = isoBoxes(bytes, meta.body + 4, meta.end);
  if (children === null) return ['an AVIF meta box that cannot be read'];
  const itemInfo = children.find((child) => child.type === 'iinf');
  if (itemInfo === undefined) return ['an AVIF meta box without item information'];
  const version = bytes[itemInfo.body] ?? 0;
  const entriesStart = itemInfo.body + 4 + (version === 0 ? 2 : 4);
  const entries = isoBoxes(bytes, entriesStart, itemInfo.end);
  if (entries === null) return ['an AVIF item list that cannot be read'];
  const carriers: string[] = [];
  for (const entry of entries) {
    if (entry.type !== 'infe') {
      carriers.push(`an AVIF ${entry.type} item entry`);
      continue;
    }
    const entryVersion = bytes[entry.body] ?? 0;
    if (entryVersion < 2) {
      carriers.push('an AVIF item of an old version');
      continue;
    }
    // version (1) + flags (3) + item id (2 or 4) + protection index (2), then the item type.
    const itemType = fourCc(bytes, entry.body + 4 + (entryVersion === 2 ? 2 : 4) + 2);
    if (!AVIF_IMAGE_ITEMS.has(itemType)) carriers.push(`an AVIF ${itemType.trim()} item`);
  }
  return carriers;
}

function moovCarriers(bytes: Uint8Array, box: IsoBox): string[] {
  const children = isoBoxes(bytes, box.body, box.end);
  if (children === null) return ['an AVIF track structure that cannot be read'];
  const carriers: string[] = [];
  for (const child of children) {
    if (child.type === 'udta' || child.type === 'meta' || child.type === 'uuid') carriers.push(`an AVIF ${child.type} box in a track`);
    else if (MOOV_CONTAINERS.has(child.type)) carriers.push(...moovCarriers(bytes, child));
  }
  return carriers;
}
