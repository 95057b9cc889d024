/**
 * Message templates for client leaves. The server translates a message with a slot (`{relative}`)
 * in place of a value the browser only knows later, and the leaf fills the slot in: the browser
 * gets finished strings and needs no message formatter.
 */

/** The text a value stands in for in a template: `{name}`. */
export const slot = (name: string) => `{${name}}`;

/** The template with every `{name}` slot replaced by its value; unknown slots stay as they are. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (text, name: string) => values[name] ?? text);
}

/**
 * A count message (an ICU plural such as `{count, plural, one {# artikel} other {# artikelen}}`) as
 * one template per plural category of the locale, each with a `{count}` slot where the number goes.
 * `format` renders the message for a count; the sample counts are found with Intl.PluralRules.
 */
export type PluralTemplates = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export function pluralTemplates(locale: string, format: (count: number) => string): PluralTemplates {
  const rules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const templates: Partial<Record<Intl.LDMLPluralRule, string>> = {};
  for (let count = 0; count <= 200; count++) {
    const category = rules.select(count);
    if (templates[category] !== undefined) continue;
    const text = format(count);
    const number = numbers.format(count);
    // Only when the number occurs exactly once can its place in the message be told for sure.
    if (text.split(number).length === 2) templates[category] = text.replace(number, slot('count'));
  }
  if (templates.other === undefined) throw new RangeError(`no template for the plural category "other" in ${locale}`);
  return { ...templates, other: templates.other };
}

/** The message for `count`, from the templates {@link pluralTemplates} made. */
export function pluralMessage(templates: PluralTemplates, locale: string, count: number): string {
  const template = templates[new Intl.PluralRules(locale).select(count)] ?? templates.other;
  return fillTemplate(template, { count: new Intl.NumberFormat(locale).format(count) });
}
