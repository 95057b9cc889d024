/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { ArticleByline } from '@/components/article/ArticleByline';
import type { AuthorRef } from '@/lib/content/model';
import type { Locale } from '@/lib/i18n/locales';
import { renderWithIntl, TEST_TIME_ZONE } from '../setup/render';

const RIAN: AuthorRef = { slug: 'rian-rosendaal', name: 'Rian Rosendaal' };
const SANNE: AuthorRef = { slug: 'sanne-de-vries', name: 'Sanne de Vries' };
const JOOST: AuthorRef = { slug: 'joost-bakker', name: 'Joost Bakker' };

/** Tuesday 3 May 2022, 14:38 in Amsterdam. */
const PUBLISHED = '2022-05-03T12:38:00Z';

function renderByline({
  locale = 'nl',
  publishedAt = PUBLISHED,
  updatedAt = PUBLISHED,
  authors = [RIAN],
}: { locale?: Locale; publishedAt?: string; updatedAt?: string; authors?: AuthorRef[] } = {}) {
  const view = renderWithIntl(
    <ArticleByline
      publishedAt={publishedAt}
      updatedAt={updatedAt}
      authors={authors}
      locale={locale}
      timeZone={TEST_TIME_ZONE}
    />,
    { locale },
  );
  const byline = view.container.querySelector('p');
  if (!byline) throw new Error('the byline renders no <p>');
  return { ...view, byline };
}

describe('ArticleByline', () => {
  it.each([
    ['nl', 'Dinsdag, 3 mei 2022 om 14:38 • Rian Rosendaal • Laatste update: 14:38'],
    ['en', 'Tuesday 3 May 2022, 14:38 • Rian Rosendaal • Updated: 14:38'],
  ] as const)('reads, in %s, exactly as the reference line "%s"', (locale, expected) => {
    const { byline } = renderByline({ locale, updatedAt: '2022-05-03T12:38:30Z' });
    expect(byline.textContent).toBe(expected);
  });

  it.each([
    { locale: 'nl', publishedAt: PUBLISHED, updatedAt: '2022-05-03T17:05:00Z', expected: 'Laatste update: 19:05' },
    { locale: 'en', publishedAt: PUBLISHED, updatedAt: '2022-05-03T17:05:00Z', expected: 'Updated: 19:05' },
    { locale: 'nl', publishedAt: PUBLISHED, updatedAt: '2022-05-04T07:12:00Z', expected: 'Laatste update: 4 mei 2022 om 09:12' },
    { locale: 'en', publishedAt: PUBLISHED, updatedAt: '2022-05-04T07:12:00Z', expected: 'Updated: 4 May 2022, 09:12' },
    // 23:30 → 00:10 in Amsterdam: a new day there, though both are 3 May in UTC.
    { locale: 'nl', publishedAt: '2022-05-03T21:30:00Z', updatedAt: '2022-05-03T22:10:00Z', expected: 'Laatste update: 4 mei 2022 om 00:10' },
    { locale: 'en', publishedAt: '2022-05-03T21:30:00Z', updatedAt: '2022-05-03T22:10:00Z', expected: 'Updated: 4 May 2022, 00:10' },
  ] as const)('in $locale, published $publishedAt and updated $updatedAt ends with "$expected"', (c) => {
    const { byline } = renderByline({ locale: c.locale, publishedAt: c.publishedAt, updatedAt: c.updatedAt });
    expect(byline.textContent).toMatch(new RegExp(` • Rian Rosendaal • ${c.expected}$`));
  });

  it.each([
    ['nl', 'Dinsdag, 3 mei 2022 om 14:38 • Rian Rosendaal'],
    ['en', 'Tuesday 3 May 2022, 14:38 • Rian Rosendaal'],
  ] as const)('shows no update part in %s when updatedAt is the publication instant', (locale, expected) => {
    // The same instant, written in another offset.
    const { byline } = renderByline({ locale, updatedAt: '2022-05-03T14:38:00.000+02:00' });
    expect(byline.textContent).toBe(expected);
    expect(byline.querySelectorAll('time')).toHaveLength(1);
    expect(screen.queryByText(/Laatste update|Updated/)).not.toBeInTheDocument();
  });

  it.each(['nl', 'en'] as const)('shows no update in %s for a scheduled article last edited before it went live', (locale) => {
    const { byline } = renderByline({ locale, updatedAt: '2022-05-02T19:40:00Z' });
    expect(byline.querySelectorAll('time')).toHaveLength(1);
    expect(screen.queryByText(/Laatste update|Updated/)).not.toBeInTheDocument();
  });

  it('marks both times up with their instants for machines', () => {
    const { byline } = renderByline({ publishedAt: '2022-05-03T14:38:00+02:00', updatedAt: '2022-05-04T07:12:00Z' });
    const times = byline.querySelectorAll('time');
    expect(times).toHaveLength(2);
    expect(times[0]).toHaveAttribute('datetime', '2022-05-03T12:38:00.000Z');
    expect(times[0]).toHaveTextContent(/^Dinsdag, 3 mei 2022 om 14:38$/);
    expect(times[1]).toHaveAttribute('datetime', '2022-05-04T07:12:00.000Z');
    expect(times[1]).toHaveTextContent(/^4 mei 2022 om 09:12$/);
  });

  it('puts only the time itself inside the update <time>', () => {
    const { byline } = renderByline({ locale: 'en', updatedAt: '2022-05-03T13:00:00Z' });
    const updated = byline.querySelectorAll('time')[1];
    expect(updated).toHaveAttribute('datetime', '2022-05-03T13:00:00.000Z');
    expect(updated).toHaveTextContent(/^15:00$/);
  });

  it('hides the bullet separators from assistive technology', () => {
    const { byline } = renderByline({ updatedAt: '2022-05-03T13:00:00Z' });
    const bullets = Array.from(byline.querySelectorAll('span')).filter((span) => span.textContent === '•');
    expect(bullets).toHaveLength(2);
    for (const bullet of bullets) expect(bullet).toHaveAttribute('aria-hidden', 'true');
  });

  it.each([
    ['nl', '/auteur/rian-rosendaal'],
    ['en', '/en/author/rian-rosendaal'],
  ] as const)('links the author to the author page in %s (%s)', (locale, href) => {
    renderByline({ locale });
    expect(screen.getByRole('link', { name: 'Rian Rosendaal' })).toHaveAttribute('href', href);
  });

  it.each([
    { locale: 'nl', authors: [RIAN], expected: 'Rian Rosendaal' },
    { locale: 'nl', authors: [RIAN, SANNE], expected: 'Rian Rosendaal en Sanne de Vries' },
    { locale: 'nl', authors: [RIAN, SANNE, JOOST], expected: 'Rian Rosendaal, Sanne de Vries en Joost Bakker' },
    { locale: 'en', authors: [RIAN, SANNE], expected: 'Rian Rosendaal and Sanne de Vries' },
    { locale: 'en', authors: [RIAN, SANNE, JOOST], expected: 'Rian Rosendaal, Sanne de Vries and Joost Bakker' },
  ] as const)('joins authors naturally in $locale: "$expected"', ({ locale, authors, expected }) => {
    const { byline } = renderByline({ locale, authors: [...authors] });
    expect(byline.textContent?.split(' • ')[1]).toBe(expected);
    const links = within(byline).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(authors.map((author) => author.name));
    expect(links.map((link) => link.getAttribute('href'))).toEqual(
      authors.map((author) => (locale === 'nl' ? `/auteur/${author.slug}` : `/en/author/${author.slug}`)),
    );
  });

  it('keeps each author on their own link even when a name contains a comma', () => {
    const odd: AuthorRef = { slug: 'jansen-jr', name: 'Jansen, jr.' };
    const { byline } = renderByline({ authors: [odd, RIAN] });
    expect(byline.textContent?.split(' • ')[1]).toBe('Jansen, jr. en Rian Rosendaal');
    expect(screen.getByRole('link', { name: 'Jansen, jr.' })).toHaveAttribute('href', '/auteur/jansen-jr');
  });

  it('omits the author part when there are no authors', () => {
    const { byline } = renderByline({ authors: [] });
    expect(byline.textContent).toBe('Dinsdag, 3 mei 2022 om 14:38');
  });
});
