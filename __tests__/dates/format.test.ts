import { spawnSync } from 'node:child_process';
import path from 'node:path';
import {
  bylineTimes,
  cardTime,
  dateOnly,
  intlLocale,
  isoInstant,
  isoInZone,
  isSameDayInZone,
  yearInZone,
} from '@/lib/dates/format';
import { relativeTimeLabel } from '@/lib/dates/relative';
import { durationParts, formatDuration, isoDuration } from '@/lib/dates/duration';
import {
  AMSTERDAM,
  BYLINE_CASES,
  CARD_CASES,
  DATE_ONLY_CASES,
  DURATION_CASES,
  INVALID_INSTANTS,
  ISO_INSTANT_CASES,
  RELATIVE_CASES,
  RELATIVE_NOW,
  instantBefore,
  runAllCases,
} from './cases';

describe('bylineTimes', () => {
  it.each(BYLINE_CASES)('$locale · $timeZone · $name', (c) => {
    const times = bylineTimes(c.publishedAt, c.updatedAt, c.locale, c.timeZone);
    expect(times.published).toEqual({ iso: isoInstant(c.publishedAt), text: c.published });
    if (c.updated === null) {
      expect(times.updated).toBeNull();
    } else {
      expect(times.updated).toEqual({ iso: isoInstant(c.updatedAt), text: c.updated });
    }
  });

  it('gives the normalised instants for <time dateTime>', () => {
    const times = bylineTimes('2022-05-03T14:38:00+02:00', '2022-05-04T09:12:00+02:00', 'nl', AMSTERDAM);
    expect(times.published.iso).toBe('2022-05-03T12:38:00.000Z');
    expect(times.updated?.iso).toBe('2022-05-04T07:12:00.000Z');
  });
});

describe('cardTime', () => {
  it.each(CARD_CASES)('$locale · $name → $expected', (c) => {
    expect(cardTime(c.value, c.now, c.locale, c.timeZone)).toBe(c.expected);
  });

  it('accepts a Date for now', () => {
    expect(cardTime('2022-05-03T12:38:00Z', new Date('2022-06-01T00:00:00Z'), 'en', AMSTERDAM)).toBe('3 May 14:38');
  });
});

describe('dateOnly', () => {
  it.each(DATE_ONLY_CASES)('$value in $timeZone ($locale) → $expected', (c) => {
    expect(dateOnly(c.value, c.locale, c.timeZone)).toBe(c.expected);
  });
});

describe('relativeTimeLabel', () => {
  it.each(RELATIVE_CASES)('$age old → nl $nl, en $en', (c) => {
    const value = instantBefore(RELATIVE_NOW, c.ageMs);
    expect(relativeTimeLabel(value, RELATIVE_NOW, 'nl')).toBe(c.nl);
    expect(relativeTimeLabel(value, RELATIVE_NOW, 'en')).toBe(c.en);
  });

  it('accepts a Date for now, as a ticking client island passes it', () => {
    expect(relativeTimeLabel('2022-05-03T11:55:00Z', new Date('2022-05-03T12:00:00Z'), 'nl')).toBe('5 minuten geleden');
  });
});

describe('isoInstant', () => {
  it.each(ISO_INSTANT_CASES)('%s → %s', (input, expected) => {
    expect(isoInstant(input)).toBe(expected);
  });

  it('normalises a Date', () => {
    expect(isoInstant(new Date(Date.UTC(2022, 4, 3, 12, 38)))).toBe('2022-05-03T12:38:00.000Z');
  });

  it.each(INVALID_INSTANTS)('rejects %j', (input) => {
    expect(() => isoInstant(input)).toThrow(RangeError);
  });

  it('rejects an invalid Date', () => {
    expect(() => isoInstant(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('bad input fails loudly', () => {
  it.each(INVALID_INSTANTS)('every formatter rejects the instant %j', (input) => {
    expect(() => bylineTimes(input, '2022-05-03T12:38:00Z', 'nl', AMSTERDAM)).toThrow(RangeError);
    expect(() => bylineTimes('2022-05-03T12:38:00Z', input, 'nl', AMSTERDAM)).toThrow(RangeError);
    expect(() => cardTime(input, '2022-05-03T12:38:00Z', 'nl', AMSTERDAM)).toThrow(RangeError);
    expect(() => dateOnly(input, 'nl', AMSTERDAM)).toThrow(RangeError);
    expect(() => relativeTimeLabel(input, '2022-05-03T12:38:00Z', 'nl')).toThrow(RangeError);
  });

  it.each(['Mars/Olympus_Mons', '', 'Amsterdam'])('rejects the time zone %j', (zone) => {
    expect(() => bylineTimes('2022-05-03T12:38:00Z', '2022-05-03T12:38:00Z', 'nl', zone)).toThrow(RangeError);
    expect(() => dateOnly('2022-05-03T12:38:00Z', 'en', zone)).toThrow(RangeError);
  });
});

describe('calendar helpers in the site zone', () => {
  it.each([
    ['2022-05-03T21:30:00Z', '2022-05-03T22:10:00Z', AMSTERDAM, false],
    ['2022-05-03T22:30:00Z', '2022-05-03T23:10:00Z', AMSTERDAM, true],
    ['2022-05-03T21:30:00Z', '2022-05-03T22:10:00Z', 'UTC', true],
    ['2022-05-03T12:38:00Z', '2022-05-04T03:00:00Z', 'America/New_York', true],
  ] as const)('%s and %s on the same day in %s: %s', (a, b, zone, expected) => {
    expect(isSameDayInZone(a, b, zone)).toBe(expected);
  });

  it.each([
    ['2021-12-31T23:30:00Z', AMSTERDAM, 2022],
    ['2021-12-31T23:30:00Z', 'UTC', 2021],
    ['2022-01-01T03:00:00Z', 'America/New_York', 2021],
  ] as const)('%s in %s falls in %i', (value, zone, year) => {
    expect(yearInZone(value, zone)).toBe(year);
  });

  it('formats English the British way', () => {
    expect(intlLocale('en')).toBe('en-GB');
    expect(intlLocale('nl')).toBe('nl-NL');
  });
});

describe('video durations', () => {
  it.each(DURATION_CASES)('%i s → %s, %s', (seconds, clock, iso) => {
    expect(formatDuration(seconds)).toBe(clock);
    expect(isoDuration(seconds)).toBe(iso);
  });

  it('splits minutes and seconds for a spoken label', () => {
    expect(durationParts(205)).toEqual({ minutes: 3, seconds: 25 });
    expect(durationParts(3723)).toEqual({ minutes: 62, seconds: 3 });
  });

  it.each([-1, 1.5, Number.NaN])('rejects %p seconds', (seconds) => {
    expect(() => formatDuration(seconds)).toThrow(RangeError);
    expect(() => isoDuration(seconds)).toThrow(RangeError);
  });
});

/**
 * Setting process.env.TZ inside a running Jest worker is not reliable, so the same tables are
 * replayed in fresh Node processes, each started in another zone, and must give identical output.
 * Lord Howe has a 30-minute DST shift and Chatham a +12:45 offset: zones that break naive arithmetic.
 */
describe('output does not depend on the process time zone', () => {
  const probe = path.join(__dirname, 'tz-probe.ts');
  const expected = runAllCases();

  it.each(['America/New_York', 'Asia/Tokyo', 'UTC', 'Australia/Lord_Howe', 'Pacific/Chatham'])(
    'a process running in %s gives the same results',
    (zone) => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', probe], {
        cwd: path.join(__dirname, '..', '..'),
        env: { ...process.env, TZ: zone },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const output = JSON.parse(run.stdout) as { processZone: { name: string }; results: unknown };
      expect(output.processZone.name).toBe(zone);
      expect(output.results).toEqual(expected);
    },
    30_000,
  );
});

describe('remembered formatting', () => {
  it('keeps zones, locales and patterns apart for the same instant', () => {
    const instant = '2022-05-03T12:38:00Z';
    // Asked repeatedly and interleaved, each combination keeps its own answer.
    for (let round = 0; round < 3; round++) {
      expect(dateOnly(instant, 'nl', 'Europe/Amsterdam')).toBe('3 mei 2022');
      expect(dateOnly(instant, 'en', 'Europe/Amsterdam')).toBe('3 May 2022');
      expect(isoInZone(instant, 'Europe/Amsterdam')).toBe('2022-05-03T14:38:00+02:00');
      expect(isoInZone(instant, 'America/New_York')).toBe('2022-05-03T08:38:00-04:00');
      expect(dateOnly('2022-05-03T23:30:00Z', 'nl', 'Europe/Amsterdam')).toBe('4 mei 2022');
      expect(dateOnly('2022-05-03T23:30:00Z', 'nl', 'America/New_York')).toBe('3 mei 2022');
    }
  });

  it('refuses an invalid zone every time, not only the first', () => {
    for (let round = 0; round < 2; round++) {
      expect(() => dateOnly('2022-05-03T12:38:00Z', 'nl', 'Europe/Nowhere')).toThrow(RangeError);
    }
  });
});
