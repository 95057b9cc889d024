import { createHash } from 'node:crypto';
import type { Database } from '@/lib/db/connection';
import { ImageRejectedError } from '@/lib/media/inspect';
import { getMedia, InvalidMediaCursorError, isMediaFileName, listMedia, storeMedia, type MediaItem } from '@/lib/media/store';
import { MediaSrcSchema } from '@/lib/content/model';
import { describeEachEngine } from '../data/engines';
import { makeImage, NOT_IMAGES } from './images';

const NOW = new Date('2026-11-23T08:00:00Z');
const minutesLater = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describeEachEngine('the media library', (harness) => {
  let database: Database;
  beforeAll(async () => {
    database = await harness.fresh();
  });

  it('stores an image under the first 32 hex of its SHA-256 and serves the same bytes back', async () => {
    const png = await makeImage('png', 32, 20, 11);
    const { item, created } = await storeMedia(database, png, { uploadedBy: 'Rita Redactie', now: NOW });
    const hash = createHash('sha256').update(png).digest('hex').slice(0, 32);
    expect(created).toBe(true);
    expect(item).toEqual<MediaItem>({
      fileName: `${hash}.png`,
      src: `/media/${hash}.png`,
      contentType: 'image/png',
      bytes: png.length,
      width: 32,
      height: 20,
      uploadedBy: 'Rita Redactie',
      createdAt: NOW.toISOString(),
    });
    expect(MediaSrcSchema.safeParse(item.src).success).toBe(true);
    const file = await getMedia(database, item.fileName);
    expect(file).not.toBeNull();
    expect(Buffer.from(file?.data ?? []).equals(Buffer.from(png))).toBe(true);
    expect(file).toMatchObject({ ...item });
  });

  it('stores the same bytes once: a second upload returns the first record', async () => {
    const webp = await makeImage('webp', 10, 10, 12);
    const first = await storeMedia(database, webp, { uploadedBy: 'A', now: NOW });
    const second = await storeMedia(database, webp, { uploadedBy: 'B', now: minutesLater(5) });
    expect(second).toEqual({ item: first.item, created: false });
    const stored = await database.db.selectFrom('media').select('file_name').where('file_name', '=', first.item.fileName).execute();
    expect(stored).toHaveLength(1);
  });

  it('two uploads of the same new bytes at once give one row and the same name', async () => {
    const gif = await makeImage('gif', 9, 9, 13);
    const results = await Promise.all([0, 1, 2].map(() => storeMedia(database, gif, { uploadedBy: null, now: NOW })));
    expect(new Set(results.map((result) => result.item.fileName)).size).toBe(1);
    expect(results.filter((result) => result.created).length).toBeLessThanOrEqual(1);
  });

  it.each(Object.keys(NOT_IMAGES) as Array<keyof typeof NOT_IMAGES>)('refuses %s and stores nothing', async (name) => {
    const before = await database.db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    await expect(storeMedia(database, NOT_IMAGES[name], { uploadedBy: null, now: NOW })).rejects.toBeInstanceOf(ImageRejectedError);
    const after = await database.db.selectFrom('media').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    expect(Number(after.count)).toBe(Number(before.count));
  });

  it.each(['../../etc/passwd', 'x.png', `${'a'.repeat(32)}.svg`, `${'A'.repeat(32)}.png`, `${'a'.repeat(32)}.png/..`, ''])(
    'looks up nothing for the name %p',
    async (name) => {
      expect(isMediaFileName(name)).toBe(false);
      expect(await getMedia(database, name)).toBeNull();
    },
  );

  it('answers null for a well-formed name that is not stored', async () => {
    expect(await getMedia(database, `${'0'.repeat(32)}.png`)).toBeNull();
  });
});

describeEachEngine('listing the media library', (harness) => {
  let database: Database;
  const stored: MediaItem[] = [];
  beforeAll(async () => {
    database = await harness.fresh();
    // Seven images; three share one upload time, so the tie-break on the name is exercised.
    const times = [0, 1, 2, 2, 2, 3, 4];
    for (const [index, minute] of times.entries()) {
      const { item } = await storeMedia(database, await makeImage(index % 2 === 0 ? 'png' : 'jpeg', 8 + index, 8, 100 + index), {
        uploadedBy: null,
        now: minutesLater(minute),
      });
      stored.push(item);
    }
  });

  const expectedOrder = () =>
    [...stored].sort((a, b) => (a.createdAt === b.createdAt ? (a.fileName < b.fileName ? -1 : 1) : a.createdAt < b.createdAt ? 1 : -1));

  it('lists newest first, ties by name', async () => {
    const page = await listMedia(database);
    expect(page.items).toEqual(expectedOrder());
    expect(page.nextCursor).toBeNull();
  });

  it.each([1, 2, 3, 7])('walks every item exactly once in pages of %d', async (limit) => {
    const seen: MediaItem[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listMedia(database, { cursor, limit });
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
      expect(pages).toBeLessThan(20);
    } while (cursor !== null);
    expect(seen).toEqual(expectedOrder());
  });

  it('keeps a page stable when newer uploads arrive after its cursor was handed out', async () => {
    const first = await listMedia(database, { limit: 3 });
    const extra = await storeMedia(database, await makeImage('png', 5, 5, 999), { uploadedBy: null, now: minutesLater(60) });
    const second = await listMedia(database, { cursor: first.nextCursor, limit: 3 });
    expect(second.items.map((item) => item.fileName)).toEqual(
      expectedOrder()
        .slice(3, 6)
        .map((item) => item.fileName),
    );
    expect(second.items.map((item) => item.fileName)).not.toContain(extra.item.fileName);
    stored.push(extra.item);
  });

  it.each(['not a cursor', 'bTE6MTI6eA', Buffer.from(`m1:01:${'a'.repeat(32)}.png`).toString('base64url'), '!!!'])(
    'refuses the cursor %p',
    async (cursor) => {
      await expect(listMedia(database, { cursor })).rejects.toBeInstanceOf(InvalidMediaCursorError);
    },
  );
});

describeEachEngine('media page sizes', (harness) => {
  let database: Database;
  beforeAll(async () => {
    database = await harness.fresh();
    for (const seed of [1, 2, 3]) await storeMedia(database, await makeImage('png', 4, 4, 300 + seed), { uploadedBy: null, now: minutesLater(seed) });
  });

  it.each<[number, number]>([
    [0, 1],
    [-5, 1],
    [2.7, 2],
    [Number.NaN, 3],
    [Number.POSITIVE_INFINITY, 3],
    [10_000, 3],
  ])('a limit of %p gives %d items', async (limit, expected) => {
    expect((await listMedia(database, { limit })).items).toHaveLength(expected);
  });
});
