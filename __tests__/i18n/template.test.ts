import { fillTemplate, pluralMessage, pluralTemplates, slot } from '@/lib/i18n/template';
import { createTranslator } from 'next-intl';
import type { Locale } from '@/lib/i18n/locales';
import en from '@/messages/en.json';
import nl from '@/messages/nl.json';

const MESSAGES = { nl, en } as const;

describe('fillTemplate', () => {
  it.each([
    ['({relative})', { relative: '5 minuten geleden' }, '(5 minuten geleden)'],
    ['{a} en {b}', { a: 'x', b: 'y' }, 'x en y'],
    ['{count} loaded', {}, '{count} loaded'],
    ['no slots', { a: 'x' }, 'no slots'],
  ])('fills %j with %j as %j', (template, values, expected) => {
    expect(fillTemplate(template, values)).toBe(expected);
  });

  it('fills a slot made by slot()', () => {
    expect(fillTemplate(`(${slot('relative')})`, { relative: 'just now' })).toBe('(just now)');
  });
});

describe('pluralTemplates', () => {
  const loaded = (locale: Locale) => {
    const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: 'LoadMore' });
    return (count: number) => t('loaded', { count });
  };

  it.each([
    ['nl', { one: '{count} artikel geladen', other: '{count} artikelen geladen' }],
    ['en', { one: '{count} article loaded', other: '{count} articles loaded' }],
  ] as const)('makes one template per plural category of %s', (locale, expected) => {
    expect(pluralTemplates(locale, loaded(locale))).toEqual(expected);
  });

  it.each([
    ['nl', 1],
    ['nl', 5],
    ['nl', 20],
    ['en', 0],
    ['en', 1],
    ['en', 11],
    ['en', 21],
  ] as const)('gives the same text as the ICU message in %s for %i', (locale, count) => {
    const format = loaded(locale);
    expect(pluralMessage(pluralTemplates(locale, format), locale, count)).toBe(format(count));
  });

  it('skips a sample whose number also occurs elsewhere in the text', () => {
    // "1 of 1": for 1 the number's place is ambiguous, so "one" takes no template and falls back to "other".
    const templates = pluralTemplates('en', (count) => (count === 1 ? '1 of 1' : `${count} items`));
    expect(templates).toEqual({ other: '{count} items' });
  });
});
