import { pageMetadata } from '@/lib/seo/metadata';
import { siteConfig } from '@/lib/site/config';

const origin = siteConfig.url;

describe('pageMetadata', () => {
  const article = pageMetadata({
    locale: 'nl',
    title: 'Trainer blijft kalm',
    description: 'Na de nederlaag.',
    path: '/nieuws/trainer-blijft-kalm',
    image: { src: '/images/demo/stadion.webp', alt: 'Het stadion' },
    article: { publishedAt: '2022-05-03T12:38:00Z', updatedAt: '2022-05-03T12:38:40Z', section: 'Voetbal', tags: ['Eredivisie', 'FC Dijkstad'] },
  });

  it('gives an article an article card with its times in the site zone, section and tags', () => {
    expect(article.openGraph).toMatchObject({
      type: 'article',
      title: 'Trainer blijft kalm',
      description: 'Na de nederlaag.',
      url: `${origin}/nieuws/trainer-blijft-kalm`,
      siteName: siteConfig.name,
      locale: 'nl_NL',
      images: [{ url: `${origin}/images/demo/stadion.webp`, alt: 'Het stadion' }],
      publishedTime: '2022-05-03T14:38:00+02:00',
      modifiedTime: '2022-05-03T14:38:40+02:00',
      section: 'Voetbal',
      tags: ['Eredivisie', 'FC Dijkstad'],
    });
    // X falls back to the Open Graph title, description and image: only the card type is its own.
    expect(article.twitter).toEqual({ card: 'summary_large_image' });
  });

  it('lets search engines show large image previews of indexable pages', () => {
    expect(article.robots).toEqual({ index: true, follow: true, 'max-image-preview': 'large' });
  });

  it('keeps pages the caller marks noindex out of the index, links still followed', () => {
    expect(pageMetadata({ locale: 'nl', title: 'Zoeken', path: '/zoeken', noindex: true }).robots).toEqual({ index: false, follow: true });
  });

  it('links the locale feed from every page, plus the feeds the caller adds', () => {
    expect(article.alternates?.types).toEqual({ 'application/rss+xml': [{ title: siteConfig.name, url: `${origin}/feed.xml` }] });
    const section = pageMetadata({ locale: 'en', title: 'Football', path: '/en/section/football', feeds: [{ title: 'Football', path: '/en/section/football/feed.xml' }] });
    expect(section.alternates?.types).toEqual({
      'application/rss+xml': [
        { title: siteConfig.name, url: `${origin}/en/feed.xml` },
        { title: 'Football', url: `${origin}/en/section/football/feed.xml` },
      ],
    });
    expect(section.openGraph).toMatchObject({ type: 'website', locale: 'en_GB', images: [{ url: `${origin}/logo-card.png`, width: 1200, height: 630 }] });
  });

  it('adds hreflang alternates and x-default only when the page exists in both locales', () => {
    const home = pageMetadata({ locale: 'en', title: 'Home', path: '/en', languages: { nl: '/', en: '/en' } });
    expect(home.alternates?.languages).toEqual({ nl: `${origin}/`, en: `${origin}/en`, 'x-default': `${origin}/` });
    expect(home.openGraph).toMatchObject({ alternateLocale: ['nl_NL'] });
    expect(article.alternates?.languages).toBeUndefined();
  });
});
