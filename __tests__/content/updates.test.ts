/**
 * When an article counts as updated for readers (lib/content/updates.ts), the rule behind the
 * byline, structured data, feeds and sitemaps.
 */
import { isUpdatedAfterPublication, lastModified, shownUpdate } from '@/lib/content/updates';

const PUBLISHED = '2024-06-16T05:00:00Z';

describe('the update rule', () => {
  it.each([
    ['edited after publication', PUBLISHED, '2024-06-16T09:30:00Z', '2024-06-16T09:30:00Z', '2024-06-16T09:30:00Z'],
    ['a second after publication', PUBLISHED, '2024-06-16T05:00:01Z', '2024-06-16T05:00:01Z', '2024-06-16T05:00:01Z'],
    ['never edited after publication (the same instant)', PUBLISHED, PUBLISHED, null, PUBLISHED],
    ['the same instant written in another zone', PUBLISHED, '2024-06-16T07:00:00+02:00', null, PUBLISHED],
    ['last edited the evening before a scheduled publication', PUBLISHED, '2024-06-15T19:40:00Z', null, PUBLISHED],
  ])('%s: shows %s', (_case, publishedAt, updatedAt, shown, modified) => {
    expect(shownUpdate({ publishedAt, updatedAt })).toBe(shown);
    expect(isUpdatedAfterPublication(publishedAt, updatedAt)).toBe(shown !== null);
    expect(lastModified({ publishedAt, updatedAt })).toBe(modified);
  });

  it('shows no update for a draft that was never given a publication time, and dates it by its last edit', () => {
    expect(shownUpdate({ publishedAt: null, updatedAt: '2024-06-15T19:40:00Z' })).toBeNull();
    expect(lastModified({ publishedAt: null, updatedAt: '2024-06-15T19:40:00Z' })).toBe('2024-06-15T19:40:00Z');
  });

  it('takes Dates as well as ISO strings', () => {
    expect(isUpdatedAfterPublication(new Date(PUBLISHED), new Date('2024-06-16T05:00:01Z'))).toBe(true);
    expect(isUpdatedAfterPublication(new Date(PUBLISHED), new Date('2024-06-15T05:00:00Z'))).toBe(false);
  });
});
