/**
 * Image metadata, end to end: an editor uploads images that carry metadata where no decoder looks
 * (PNG text chunks, JPEG comments, GIF comments and application extensions, unknown WebP chunks,
 * AVIF boxes, bytes after the end of the image), and a reader fetches the public `/media/` file
 * from the production server. Nothing of the metadata may be in what the reader gets, and the
 * picture must still decode at its size. The hostile files are built byte by byte
 * (__tests__/media/carriers.ts); the unit suite checks the same carriers in the data layer.
 */
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { findMetadataCarriers } from '@/lib/media/containers';
import { HOSTILE_IMAGES, SECRETS } from '../media/carriers';
import { TEST_EDITOR } from './accounts';

test.use({ locale: 'nl-NL' });

const WIDTH = 36;
const HEIGHT = 24;

test('every accepted container, with every metadata carrier, reaches readers without it', async ({ page, playwright, baseURL }) => {
  await page.goto('/redactie/inloggen?next=%2Fredactie%2Fmedia');
  await page.getByLabel('E-mailadres').fill(TEST_EDITOR.email);
  await page.getByLabel('Wachtwoord').fill(TEST_EDITOR.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page).toHaveURL(/\/redactie\/media$/);

  const reader = await playwright.request.newContext({ baseURL });
  for (const image of HOSTILE_IMAGES) {
    const name = `${image.format} with ${image.carrier}`;
    const base = await sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: { r: 90, g: 160, b: 40 } } }).toFormat(image.format).toBuffer();
    const upload = Buffer.from(image.build(new Uint8Array(base)));
    // The probe is meaningful: what is uploaded does carry the block.
    expect(findMetadataCarriers(new Uint8Array(upload), image.format), name).not.toEqual([]);

    // The desk's own upload endpoint, with the editor's session and the site's origin.
    const uploaded = await page.context().request.post('/api/desk/media', {
      multipart: { file: { name: `foto.${image.format}`, mimeType: 'application/octet-stream', buffer: upload } },
      headers: { Origin: baseURL ?? '' },
    });
    expect([200, 201], name).toContain(uploaded.status());
    const { src, width, height } = (await uploaded.json()) as { src: string; width: number; height: number };
    expect([width, height], name).toEqual([WIDTH, HEIGHT]);

    const served = await reader.get(src);
    expect(served.status(), name).toBe(200);
    const bytes = await served.body();
    const text = bytes.toString('latin1');
    for (const secret of SECRETS) expect(text, `${name}: ${secret}`).not.toContain(secret);
    expect(text, name).not.toContain('Raw profile type');
    expect(findMetadataCarriers(new Uint8Array(bytes), image.format), name).toEqual([]);
    const decoded = await sharp(bytes).metadata();
    expect([decoded.width, decoded.height], name).toEqual([WIDTH, HEIGHT]);
  }
  await reader.dispose();
});
