import { createNavigation } from 'next-intl/navigation';
import { getPathname, type LocalizedHref } from '@/lib/i18n/navigation';
import { localizedPath, type Pathname } from '@/lib/i18n/paths';
import pathnames from '@/lib/i18n/pathnames.json';
import { locales } from '@/lib/i18n/locales';
import { routing } from '@/lib/i18n/routing';

/** next-intl's own path builder for the site's routing: what the site's paths must equal. */
const nextIntl = createNavigation(routing);

/** Every route with its params filled in as the content model's slugs look, in every locale. */
const cases = locales.flatMap((locale) =>
  (Object.keys(pathnames) as Pathname[]).map((pathname) => {
    const params = Object.fromEntries([...pathname.matchAll(/\[([^\]]+)\]/g)].map(([, name]) => [name as string, `een-${name}-2024`]));
    const href = (Object.keys(params).length > 0 ? { pathname, params } : pathname) as LocalizedHref;
    return { locale, pathname, params, href };
  }),
);

describe('localized paths', () => {
  it.each(cases)('are next-intl’s own for $pathname in $locale', ({ locale, pathname, params, href }) => {
    const expected = nextIntl.getPathname({ locale, href });
    expect(localizedPath(locale, pathname, params)).toBe(expected);
    expect(getPathname({ locale, href })).toBe(expected);
  });

  it('encodes a slash inside a param, where next-intl would let it open another path segment', () => {
    expect(getPathname({ locale: 'nl', href: { pathname: '/tag/[slug]', params: { slug: 'a/b' } } })).toBe('/tag/a%2Fb');
  });
});
