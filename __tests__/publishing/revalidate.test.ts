/**
 * revalidateEverywhere: expires each tag in this instance at once (expire: 0) and puts one entry
 * on the bus for the other instances, which this instance's own poller then skips.
 */
import { revalidateTag } from 'next/cache';
import { readInvalidationsAfter } from '@/lib/cache/bus';
import type { Database } from '@/lib/db/connection';
import { revalidateEverywhere } from '@/lib/publishing/revalidate';
import { describeEachEngine } from '../data/engines';

jest.mock('next/cache', () => ({ revalidateTag: jest.fn() }));

let current: Database | undefined;
jest.mock('@/lib/db/connection', () => ({
  ...jest.requireActual<object>('@/lib/db/connection'),
  getDatabase: async () => {
    if (current === undefined) throw new Error('no database for this test');
    return current;
  },
}));

const revalidated = jest.mocked(revalidateTag);

function database(): Database {
  if (current === undefined) throw new Error('no database for this test');
  return current;
}

describeEachEngine('revalidateEverywhere', (harness) => {
  beforeEach(async () => {
    current = await harness.fresh();
    revalidated.mockClear();
  });

  it('expires every tag here, once each, and announces them on the bus', async () => {
    await revalidateEverywhere(['listings:nl', 'article:nl-klassieker', 'listings:nl']);
    expect(revalidated.mock.calls).toEqual([
      ['listings:nl', { expire: 0 }],
      ['article:nl-klassieker', { expire: 0 }],
    ]);
    const entries = await readInvalidationsAfter(database(), 0);
    expect(entries.map((entry) => entry.tags)).toEqual([['listings:nl', 'article:nl-klassieker']]);
  });

  it('refuses unknown tags before doing anything', async () => {
    await expect(revalidateEverywhere(['listings:nl', 'listings:de'])).rejects.toThrow(/listings:de/);
    expect(revalidated).not.toHaveBeenCalled();
    await expect(readInvalidationsAfter(database(), 0)).resolves.toEqual([]);
  });

  it('does nothing for no tags', async () => {
    await revalidateEverywhere([]);
    expect(revalidated).not.toHaveBeenCalled();
    await expect(readInvalidationsAfter(database(), 0)).resolves.toEqual([]);
  });

  it('keeps the local revalidation when the bus cannot be written, and says so', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await database().close();
    await revalidateEverywhere(['taxonomy']);
    expect(revalidated.mock.calls).toEqual([['taxonomy', { expire: 0 }]]);
    expect(error).toHaveBeenCalledWith(expect.stringContaining('could not announce taxonomy'));
    error.mockRestore();
  });
});
