import { parseLocalDateTime, toLocalDateTime } from '@/lib/desk/datetime-local';

const ZONE = 'Europe/Amsterdam';

describe('datetime-local values in the site zone', () => {
  it.each<[string, string]>([
    ['2026-01-10T10:00', '2026-01-10T09:00:00.000Z'],
    ['2026-07-01T14:30', '2026-07-01T12:30:00.000Z'],
    ['2026-07-01T14:30:15', '2026-07-01T12:30:15.000Z'],
    ['2026-03-29T03:00', '2026-03-29T01:00:00.000Z'],
    // The autumn hour that happens twice: the first occurrence (still summer time).
    ['2026-10-25T02:30', '2026-10-25T00:30:00.000Z'],
    ['2028-02-29T00:00', '2028-02-28T23:00:00.000Z'],
  ])('%s in Amsterdam is %s', (local, iso) => {
    expect(parseLocalDateTime(local, ZONE)).toEqual({ ok: true, iso });
  });

  it.each<[string, 'format' | 'nonexistent']>([
    ['', 'format'],
    ['2026-01-10', 'format'],
    ['2026-01-10T10:00Z', 'format'],
    ['2026-13-01T10:00', 'format'],
    ['2026-02-29T10:00', 'format'],
    ['2026-01-10T24:00', 'format'],
    ['tomorrow', 'format'],
    ['2026-03-29T02:30', 'nonexistent'],
  ])('refuses %j (%s)', (local, reason) => {
    expect(parseLocalDateTime(local, ZONE)).toEqual({ ok: false, reason });
  });

  it('does not depend on the process time zone', () => {
    expect(parseLocalDateTime('2026-01-10T10:00', 'America/New_York')).toEqual({ ok: true, iso: '2026-01-10T15:00:00.000Z' });
  });

  it.each<[string, string]>([
    ['2026-01-10T09:00:00.000Z', '2026-01-10T10:00'],
    ['2026-07-01T12:30:59Z', '2026-07-01T14:30'],
    ['2026-10-25T01:30:00Z', '2026-10-25T02:30'],
  ])('writes %s as %s', (iso, local) => {
    expect(toLocalDateTime(iso, ZONE)).toBe(local);
  });

  it('throws for something that is not an instant', () => {
    expect(() => toLocalDateTime('not a date', ZONE)).toThrow(RangeError);
  });
});
