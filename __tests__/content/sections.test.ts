/**
 * The order of sections everywhere they are listed (lib/content/sections.ts): ordered sections
 * first, lowest first; then the ones without an order; ties by name, then slug.
 */
import type { Section } from '@/lib/content/model';
import { compareSections, sortSections } from '@/lib/content/sections';

const nl = (slug: string, name: string, order: number | null): Section => ({ slug, locale: 'nl', name, order });
const slugs = (sections: Section[]) => sections.map((section) => section.slug);

describe('sortSections', () => {
  it.each<[string, Section[], string[]]>([
    ['by order, lowest first', [nl('tennis', 'Tennis', 20), nl('voetbal', 'Voetbal', 0), nl('hockey', 'Hockey', 10)], ['voetbal', 'hockey', 'tennis']],
    [
      'sections without an order after every ordered one, however high its number',
      [nl('zwemmen', 'Zwemmen', null), nl('darts', 'Darts', 10_000), nl('atletiek', 'Atletiek', null), nl('voetbal', 'Voetbal', 0)],
      ['voetbal', 'darts', 'atletiek', 'zwemmen'],
    ],
    ['unordered ones by name, not by slug', [nl('a-zwemmen', 'Zwemmen', null), nl('z-atletiek', 'Atletiek', null)], ['z-atletiek', 'a-zwemmen']],
    ['names alphabetically in the language, accents and case aside', [nl('e', 'Eerste', null), nl('z', 'zeilen', null), nl('ec', 'Écoles', null)], ['ec', 'e', 'z']],
    ['equal orders by name', [nl('b', 'Wielrennen', 5), nl('a', 'Schaatsen', 5)], ['a', 'b']],
    ['equal names by slug', [nl('hockey-2', 'Hockey', null), nl('hockey-1', 'Hockey', null)], ['hockey-1', 'hockey-2']],
  ])('sorts %s', (_case, sections, expected) => {
    expect(slugs(sortSections(sections))).toEqual(expected);
  });

  it('gives the same order whatever order the sections came in (as two engines may return them)', () => {
    const sections = [nl('zwemmen', 'Zwemmen', null), nl('voetbal', 'Voetbal', 1), nl('atletiek', 'Atletiek', null), nl('hockey', 'Hockey', 1), nl('golf', 'Golf', 0)];
    const expected = slugs(sortSections(sections));
    expect(slugs(sortSections([...sections].reverse()))).toEqual(expected);
    expect(expected).toEqual(['golf', 'hockey', 'voetbal', 'atletiek', 'zwemmen']);
  });

  it('puts locales apart, each in its own navigation order', () => {
    const en: Section = { slug: 'athletics', locale: 'en', name: 'Athletics', order: 0 };
    expect([nl('voetbal', 'Voetbal', 0), en].sort(compareSections).map((section) => section.locale)).toEqual(['en', 'nl']);
  });

  it('leaves its input alone', () => {
    const input = [nl('b', 'B', null), nl('a', 'A', 0)];
    sortSections(input);
    expect(slugs(input)).toEqual(['b', 'a']);
  });
});
