import { articleEditPath, articleRevisionsPath, deskRoutePath, newArticlePath } from '@/lib/auth/desk-paths';
import { deskListHref, hasFilters, parseDeskListParams } from '@/lib/desk/list-params';
import { readRevisionNote } from '@/lib/desk/revision-notes';

describe('the desk list query string', () => {
  it('reads every filter', () => {
    expect(parseDeskListParams({ status: 'scheduled', section: 'voetbal', locale: 'en', q: '  ajax  ', cursor: 'abc' })).toEqual({
      filters: { status: 'scheduled', section: 'voetbal', locale: 'en', query: 'ajax' },
      cursor: 'abc',
    });
  });

  it.each<[string, Record<string, string | string[] | undefined>]>([
    ['an unknown status', { status: 'deleted' }],
    ['a section that is not a slug', { section: '../x' }],
    ['an unknown locale', { locale: 'de' }],
    ['an empty search', { q: '   ' }],
    ['an absurdly long cursor', { cursor: 'x'.repeat(600) }],
  ])('drops %s', (_, params) => {
    expect(parseDeskListParams(params)).toEqual({ filters: {}, cursor: null });
  });

  it('takes the first of repeated parameters and caps the search', () => {
    const { filters } = parseDeskListParams({ status: ['draft', 'published'], q: 'a'.repeat(500) });
    expect(filters.status).toBe('draft');
    expect(filters.query).toHaveLength(200);
  });

  it('writes links that keep the filters, escaped', () => {
    expect(deskListHref('/redactie', {})).toBe('/redactie');
    expect(deskListHref('/redactie', { status: 'draft', query: 'a&b c' }, 'cur/sor')).toBe('/redactie?status=draft&q=a%26b+c&cursor=cur%2Fsor');
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ locale: 'nl' })).toBe(true);
  });
});

describe('desk article paths', () => {
  it('are localized and encode the id', () => {
    expect(newArticlePath('nl')).toBe('/redactie/artikelen/nieuw');
    expect(articleEditPath('nl', 'abc-1')).toBe('/redactie/artikelen/abc-1');
    expect(articleRevisionsPath('en', 'abc-1')).toBe('/en/desk/articles/abc-1/revisions');
    expect(articleEditPath('nl', 'a/../b')).toBe('/redactie/artikelen/a%2F..%2Fb');
    expect(deskRoutePath('en', '/desk/media')).toBe('/en/desk/media');
    expect(() => deskRoutePath('nl', '/desk/articles/[id]')).toThrow();
  });
});

describe('revision notes', () => {
  it.each<[string | null, ReturnType<typeof readRevisionNote>]>([
    [null, { kind: 'saved' }],
    ['created', { kind: 'created' }],
    ['published', { kind: 'published' }],
    ['unpublished', { kind: 'unpublished' }],
    ['published on schedule', { kind: 'publishedOnSchedule' }],
    ['scheduled for 2026-11-24T09:00:00.000Z', { kind: 'scheduled', at: '2026-11-24T09:00:00.000Z' }],
    ['restored revision 3', { kind: 'restored', number: 3 }],
    ['something else', { kind: 'other', text: 'something else' }],
  ])('%j reads as %j', (note, expected) => {
    expect(readRevisionNote(note)).toEqual(expected);
  });
});
