import type { Database } from '@/lib/db/connection';
import { mediaResponse } from '@/lib/media/serve';
import { getMedia } from '@/lib/media/store';
import { handleMediaUpload } from '@/lib/media/upload';
import { describeEachEngine } from '../data/engines';
import { makeImage, NOT_IMAGES } from './images';

const NOW = new Date('2026-11-23T08:00:00Z');
const MAX = 64 * 1024;

function uploadRequest(parts: Array<[name: string, value: Blob | string, filename?: string]>): Request {
  const form = new FormData();
  for (const [name, value, filename] of parts) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, filename);
  }
  return new Request('http://127.0.0.1/api/desk/media', { method: 'POST', body: form });
}

const blob = (bytes: Uint8Array, type = 'application/octet-stream') => new Blob([new Uint8Array(bytes)], { type });

describeEachEngine('uploading media', (harness) => {
  let database: Database;
  beforeAll(async () => {
    database = await harness.fresh();
  });
  const upload = (request: Request) => handleMediaUpload(request, { database, maxBytes: MAX, uploadedBy: 'Rita', now: NOW });

  it('stores an image and answers 201 with its src, dimensions, type and size, then 200 for the same bytes', async () => {
    const jpeg = await makeImage('jpeg', 30, 20, 3);
    const response = await upload(uploadRequest([['file', blob(jpeg), 'anything.png']]));
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({ src: expect.stringMatching(/^\/media\/[0-9a-f]{32}\.jpg$/), width: 30, height: 20, contentType: 'image/jpeg', bytes: jpeg.length });

    const again = await upload(uploadRequest([['file', blob(jpeg, 'image/gif'), 'other.gif']]));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(body);
  });

  it('decides the type by content: an SVG declared as image/png and named .png is refused with 415', async () => {
    const response = await upload(uploadRequest([['file', blob(NOT_IMAGES.svg, 'image/png'), 'photo.png']]));
    expect(response.status).toBe(415);
    expect(await response.json()).toEqual({ error: 'unsupported-type' });
  });

  it('refuses a file over the limit with 413, storing nothing', async () => {
    const big = new Uint8Array(MAX + 1);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const response = await upload(uploadRequest([['file', blob(big), 'big.png']]));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: 'too-large', limit: MAX });
  });

  it('refuses a declared Content-Length over the limit before reading the body', async () => {
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const request = new Request('http://127.0.0.1/api/desk/media', {
      method: 'POST',
      body,
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(MAX * 10) },
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    const response = await upload(request);
    expect(response.status).toBe(413);
    expect(request.bodyUsed).toBe(false);
  });

  it('stops a body without Content-Length at the limit', async () => {
    const chunk = new TextEncoder().encode('--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\n' + 'a'.repeat(8192));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const request = new Request('http://127.0.0.1/api/desk/media', {
      method: 'POST',
      body,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    const response = await upload(request);
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(MAX + 64 * 1024);
  });

  it.each<[string, () => Request]>([
    ['no file part', () => uploadRequest([['title', 'x']])],
    ['a text field named file', () => uploadRequest([['file', 'not a file']])],
    ['an empty file', () => uploadRequest([['file', blob(new Uint8Array(0)), 'empty.png']])],
  ])('answers 400 no-file for %s', async (_label, request) => {
    const response = await upload(request());
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'no-file' });
  });

  it('answers 400 for two file parts', async () => {
    const png = await makeImage('png');
    const response = await upload(uploadRequest([['file', blob(png), 'a.png'], ['file', blob(png), 'b.png']]));
    expect(response.status).toBe(400);
  });

  it('answers 415 for a body that is not multipart', async () => {
    const response = await upload(new Request('http://127.0.0.1/api/desk/media', { method: 'POST', body: new Uint8Array(await makeImage('png')), headers: { 'content-type': 'image/png' } }));
    expect(response.status).toBe(415);
  });

  it('answers 422 for a broken image', async () => {
    const png = await makeImage('png', 100, 100, 9);
    const response = await upload(uploadRequest([['file', blob(png.subarray(0, 60)), 'broken.png']]));
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: 'undecodable' });
  });

  it('serves a stored file immutable, with its type, nosniff and an ETag; 304 for that ETag; 404 for null', async () => {
    const gif = await makeImage('gif', 12, 12, 21);
    const created = (await (await upload(uploadRequest([['file', blob(gif), 'x.gif']]))).json()) as { src: string };
    const fileName = created.src.replace('/media/', '');
    const media = await getMedia(database, fileName);
    const response = mediaResponse(media, new Headers());
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'cache-control': 'public, max-age=31536000, immutable',
      'content-type': 'image/gif',
      'content-length': String(gif.length),
      'x-content-type-options': 'nosniff',
      etag: `"${fileName.slice(0, 32)}"`,
    });
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(gif))).toBe(true);

    const revalidated = mediaResponse(media, new Headers({ 'if-none-match': `W/"zzz", "${fileName.slice(0, 32)}"` }));
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');

    const missing = mediaResponse(null, new Headers());
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBe('no-store');
  });
});
