import type { Article, Author } from '@/lib/content/model';
import { bylineTimes } from '@/lib/dates/format';
import { serializeJsonLd } from '@/lib/seo/video';
import {
  articleBreadcrumbJsonLd,
  articleDates,
  isoInZone,
  newsArticleJsonLd,
  organizationJsonLd,
  profilePageJsonLd,
  webSiteJsonLd,
  type ArticleLinks,
  type StructuredDataSite,
} from '@/lib/seo/structured-data';

const AMSTERDAM = 'Europe/Amsterdam';

const site: StructuredDataSite = {
  url: 'https://sport.example.test',
  name: 'Sportnieuws',
  timeZone: AMSTERDAM,
  logo: { src: '/logo.png', width: 600, height: 60 },
  fallbackImage: { src: '/logo-card.png', width: 1200, height: 630 },
};

const links: ArticleLinks = {
  home: '/',
  article: '/nieuws/trainer-van-dijkstad-blijft-kalm-na-nederlaag',
  section: '/rubriek/voetbal',
  author: (slug) => `/auteur/${slug}`,
};

/** The browser suite's reference article. */
const reference: Article = {
  id: 'reference',
  locale: 'nl',
  slug: 'trainer-van-dijkstad-blijft-kalm-na-nederlaag',
  previousSlugs: [],
  status: 'published',
  title: "Trainer van FC Dijkstad blijft kalm na nederlaag: 'We hebben nog alles in eigen hand'",
  intro: 'Na de nederlaag blijft de trainer rustig.',
  section: { slug: 'voetbal', name: 'Voetbal' },
  authors: [{ slug: 'rian-rosendaal', name: 'Rian Rosendaal' }],
  tags: [
    { slug: 'eredivisie', name: 'Eredivisie' },
    { slug: 'fc-dijkstad', name: 'FC Dijkstad' },
  ],
  publishedAt: '2022-05-03T12:38:00Z',
  updatedAt: '2022-05-03T12:38:40Z',
  leadImage: { src: '/images/demo/stadion.webp', alt: 'Het stadion van FC Dijkstad' },
  body: [{ type: 'paragraph', text: 'Tekst.' }],
};

describe('isoInZone', () => {
  it.each([
    ['summer time (CEST, +02:00)', '2022-05-03T12:38:00Z', '2022-05-03T14:38:00+02:00'],
    ['winter time (CET, +01:00)', '2022-01-10T09:00:00Z', '2022-01-10T10:00:00+01:00'],
    ['the last minute before the spring change', '2026-03-29T00:59:00Z', '2026-03-29T01:59:00+01:00'],
    ['the first minute after the spring change', '2026-03-29T01:00:00Z', '2026-03-29T03:00:00+02:00'],
    ['02:30 the first time in October (still summer time)', '2026-10-25T00:30:00Z', '2026-10-25T02:30:00+02:00'],
    ['02:30 the second time in October (winter time)', '2026-10-25T01:30:00Z', '2026-10-25T02:30:00+01:00'],
    ['an input with another offset', '2022-05-03T08:38:00-04:00', '2022-05-03T14:38:00+02:00'],
  ])('writes %s with its offset', (_case, input, expected) => {
    expect(isoInZone(input, AMSTERDAM)).toBe(expected);
    expect(Date.parse(isoInZone(input, AMSTERDAM))).toBe(Date.parse(input));
  });

  it('rejects a date-time without a zone and an unknown zone', () => {
    expect(() => isoInZone('2022-05-03T12:38:00', AMSTERDAM)).toThrow(RangeError);
    expect(() => isoInZone('2022-05-03T12:38:00Z', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('articleDates agree with the byline', () => {
  it.each([
    ['the reference article (summer)', '2022-05-03T12:38:00Z', '2022-05-03T12:38:40Z', '2022-05-03T14:38:00+02:00', '2022-05-03T14:38:40+02:00'],
    ['a winter article updated the next day', '2024-01-15T22:50:00Z', '2024-01-16T07:05:00Z', '2024-01-15T23:50:00+01:00', '2024-01-16T08:05:00+01:00'],
    ['published in winter time, updated after the clocks went forward', '2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z', '2026-03-29T01:30:00+01:00', '2026-03-29T03:30:00+02:00'],
    ['published in summer time, updated after the clocks went back', '2026-10-24T23:30:00Z', '2026-10-25T02:00:00Z', '2026-10-25T01:30:00+02:00', '2026-10-25T03:00:00+01:00'],
    ['never updated', '2022-05-03T12:38:00Z', '2022-05-03T12:38:00Z', '2022-05-03T14:38:00+02:00', '2022-05-03T14:38:00+02:00'],
  ])('%s', (_case, publishedAt, updatedAt, datePublished, dateModified) => {
    const dates = articleDates({ publishedAt, updatedAt }, AMSTERDAM);
    expect(dates).toEqual({ datePublished, dateModified });

    const byline = bylineTimes(publishedAt, updatedAt, 'nl', AMSTERDAM);
    // The same instants as the byline's <time dateTime>…
    expect(new Date(dates.datePublished).toISOString()).toBe(byline.published.iso);
    expect(new Date(dates.dateModified).toISOString()).toBe(byline.updated?.iso ?? byline.published.iso);
    // …and the same wall-clock time as its text.
    expect(byline.published.text).toContain(dates.datePublished.slice(11, 16));
    if (byline.updated) expect(byline.updated.text).toContain(dates.dateModified.slice(11, 16));
  });

  it('dates a scheduled article edited before it went live by its publication: readers see no update', () => {
    const dates = articleDates({ publishedAt: '2024-06-16T05:00:00Z', updatedAt: '2024-06-15T19:40:00Z' }, AMSTERDAM);
    expect(dates).toEqual({ datePublished: '2024-06-16T07:00:00+02:00', dateModified: '2024-06-16T07:00:00+02:00' });
    expect(bylineTimes('2024-06-16T05:00:00Z', '2024-06-15T19:40:00Z', 'nl', AMSTERDAM).updated).toBeNull();
  });

  it('never dates a modification before the publication', () => {
    expect(articleDates({ publishedAt: '2022-05-03T12:38:00Z', updatedAt: '2022-05-01T00:00:00Z' }, AMSTERDAM).dateModified).toBe('2022-05-03T14:38:00+02:00');
  });

  it('uses updatedAt for an undated article', () => {
    expect(articleDates({ publishedAt: null, updatedAt: '2022-05-03T12:38:00Z' }, AMSTERDAM).datePublished).toBe('2022-05-03T14:38:00+02:00');
  });
});

describe('newsArticleJsonLd', () => {
  const data = newsArticleJsonLd(reference, site, links);

  it('has every field Google requires for a NewsArticle', () => {
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: reference.title,
      description: reference.intro,
      image: ['https://sport.example.test/images/demo/stadion.webp'],
      datePublished: '2022-05-03T14:38:00+02:00',
      dateModified: '2022-05-03T14:38:40+02:00',
      author: [{ '@type': 'Person', name: 'Rian Rosendaal', url: 'https://sport.example.test/auteur/rian-rosendaal' }],
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: 'Sportnieuws',
        logo: { '@type': 'ImageObject', url: 'https://sport.example.test/logo.png', width: 600, height: 60 },
      },
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://sport.example.test/nieuws/trainer-van-dijkstad-blijft-kalm-na-nederlaag' },
      articleSection: 'Voetbal',
      keywords: ['Eredivisie', 'FC Dijkstad'],
      inLanguage: 'nl',
    });
  });

  it('describes an article without an intro by the opening of its body, as plain text', () => {
    const noIntro: Article = {
      ...reference,
      intro: null,
      body: [
        { type: 'heading', text: 'Eerst een kop' },
        { type: 'paragraph', text: 'De trainer bleef **rustig** na de nederlaag en wees op [de stand](/rubriek/voetbal).' },
      ],
    };
    expect(newsArticleJsonLd(noIntro, site, links).description).toBe('De trainer bleef rustig na de nederlaag en wees op de stand.');
  });

  it('has no description at all when the article has neither an intro nor a paragraph', () => {
    const bare: Article = { ...reference, intro: null, body: [{ type: 'video', provider: 'youtube', id: 'Xk3vQ9pL2aB', title: 'Samenvatting' }] };
    expect(newsArticleJsonLd(bare, site, links)).not.toHaveProperty('description');
  });

  it('falls back to the site image when the article has none', () => {
    expect(newsArticleJsonLd({ ...reference, leadImage: null }, site, links).image).toEqual(['https://sport.example.test/logo-card.png']);
  });

  it('keeps an absolute image URL as it is', () => {
    const external = { ...reference, leadImage: { src: 'https://cdn.example.test/a.jpg', alt: '' } };
    expect(newsArticleJsonLd(external, site, links).image).toEqual(['https://cdn.example.test/a.jpg']);
  });

  it('cannot close its script element, whatever the headline says', () => {
    const hostile = newsArticleJsonLd({ ...reference, title: '</script><script>alert(1)</script>' }, site, links);
    const json = serializeJsonLd(hostile);
    expect(json).not.toMatch(/<\/script/i);
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual(hostile);
  });
});

describe('the other types', () => {
  it('BreadcrumbList runs home → section → article with absolute URLs', () => {
    expect(articleBreadcrumbJsonLd(reference, site, links).itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Sportnieuws', item: 'https://sport.example.test/' },
      { '@type': 'ListItem', position: 2, name: 'Voetbal', item: 'https://sport.example.test/rubriek/voetbal' },
      { '@type': 'ListItem', position: 3, name: reference.title, item: 'https://sport.example.test/nieuws/trainer-van-dijkstad-blijft-kalm-na-nederlaag' },
    ]);
  });

  it.each([
    ['nl', '/', '/zoeken', 'https://sport.example.test/zoeken?q={search_term_string}'],
    ['en', '/en', '/en/search', 'https://sport.example.test/en/search?q={search_term_string}'],
  ] as const)('WebSite (%s) offers the site search as a SearchAction', (locale, homePath, searchPath, template) => {
    const data = webSiteJsonLd(site, { locale, homePath, searchPath });
    expect(data).toMatchObject({
      '@type': 'WebSite',
      name: 'Sportnieuws',
      inLanguage: locale,
      potentialAction: { '@type': 'SearchAction', target: { '@type': 'EntryPoint', urlTemplate: template }, 'query-input': 'required name=search_term_string' },
    });
  });

  it('Organization has the name, URL and logo', () => {
    expect(organizationJsonLd(site)).toMatchObject({ name: 'Sportnieuws', url: 'https://sport.example.test/', logo: { url: 'https://sport.example.test/logo.png' } });
  });

  it('ProfilePage of an author without a bio has no description', () => {
    const author: Author = { slug: 'tessa-van-loon', name: 'Tessa van Loon', bio: null, image: null };
    const data = profilePageJsonLd(author, site, { locale: 'nl', path: '/auteur/tessa-van-loon' });
    expect(data.mainEntity).toEqual({
      '@type': 'Person',
      '@id': 'https://sport.example.test/auteur/tessa-van-loon#person',
      name: 'Tessa van Loon',
      url: 'https://sport.example.test/auteur/tessa-van-loon',
    });
  });

  it('ProfilePage has the author as its main entity', () => {
    const author: Author = { slug: 'rian-rosendaal', name: 'Rian Rosendaal', bio: 'Verslaggever voetbal.', image: '/images/demo/author-rian-rosendaal.webp' };
    expect(profilePageJsonLd(author, site, { locale: 'nl', path: '/auteur/rian-rosendaal' })).toMatchObject({
      '@type': 'ProfilePage',
      url: 'https://sport.example.test/auteur/rian-rosendaal',
      mainEntity: {
        '@type': 'Person',
        name: 'Rian Rosendaal',
        description: 'Verslaggever voetbal.',
        image: 'https://sport.example.test/images/demo/author-rian-rosendaal.webp',
      },
    });
  });
});
