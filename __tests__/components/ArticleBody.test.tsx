/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { ArticleBody, InlineText } from '@/components/article/ArticleBody';
import type { Block, VideoBlock } from '@/lib/content/model';
import type { InlineNode } from '@/lib/content/inline';
import enMessages from '@/messages/en.json';
import nlMessages from '@/messages/nl.json';
import { renderWithIntl } from '../setup/render';

const YOUTUBE: VideoBlock = {
  type: 'video',
  provider: 'youtube',
  id: 'dQw4w9WgXcQ',
  title: 'Samenvatting Ajax - PSV',
  poster: '/images/posters/ajax-psv.webp',
  duration: 205,
};

const BLOCKS: Block[] = [
  { type: 'paragraph', text: 'Ajax won **overtuigend** van *PSV*, lees ook [het verslag](/nieuws/ajax-psv).' },
  { type: 'heading', text: 'De tweede helft' },
  { type: 'quote', text: 'We hebben hard gewerkt.', source: 'Francesco Farioli' },
  { type: 'quote', text: 'Wat een wedstrijd.' },
  {
    type: 'image',
    src: '/images/ajax-psv.jpg',
    alt: 'Spelers van Ajax vieren de 2-0',
    caption: 'Vreugde na de tweede treffer.',
    credit: 'ANP',
  },
  YOUTUBE,
  { type: 'paragraph', text: 'Volgende week wacht [Feyenoord](https://www.feyenoord.nl/).' },
];

/** The elements the body renders for its blocks, as tag names. */
function blockElements(container: HTMLElement): string[] {
  const body = container.firstElementChild;
  if (!body) throw new Error('ArticleBody rendered nothing');
  return Array.from(body.children).map((element) => element.tagName.toLowerCase());
}

/** http(s) URLs, and relative references that cannot be protocol-relative. */
const SAFE_HREF = /^(https?:\/\/[^\s]+|\/(?!\/)[^\s]*|[#?][^\s]*)$/i;

function expectNothingExecutable(container: HTMLElement) {
  expect(container.querySelector('script, iframe, object, embed, svg, math, style, link, meta, base')).toBeNull();
  for (const element of Array.from(container.querySelectorAll('*'))) {
    for (const attribute of Array.from(element.attributes)) {
      expect(attribute.name).not.toMatch(/^on/i);
    }
  }
  for (const anchor of Array.from(container.querySelectorAll('a'))) {
    expect(anchor.getAttribute('href')).toMatch(SAFE_HREF);
  }
}

describe('ArticleBody', () => {
  it('renders every block in order, each as its element', () => {
    const { container } = renderWithIntl(<ArticleBody blocks={BLOCKS} />);
    expect(blockElements(container)).toEqual(['p', 'h2', 'blockquote', 'blockquote', 'figure', 'div', 'p']);
  });

  it('renders inline marks as strong, em and links', () => {
    const { container } = renderWithIntl(<ArticleBody blocks={BLOCKS.slice(0, 1)} />);
    const paragraph = container.querySelector('p');
    expect(paragraph).toHaveTextContent('Ajax won overtuigend van PSV, lees ook het verslag.');
    expect(paragraph?.querySelector('strong')).toHaveTextContent(/^overtuigend$/);
    expect(paragraph?.querySelector('em')).toHaveTextContent(/^PSV$/);
  });

  it('renders a relative link as a plain link and marks an absolute one noopener', () => {
    renderWithIntl(<ArticleBody blocks={BLOCKS} />);
    const internal = screen.getByRole('link', { name: 'het verslag' });
    expect(internal).toHaveAttribute('href', '/nieuws/ajax-psv');
    expect(internal).not.toHaveAttribute('rel');
    const external = screen.getByRole('link', { name: 'Feyenoord' });
    expect(external).toHaveAttribute('href', 'https://www.feyenoord.nl/');
    expect(external).toHaveAttribute('rel', 'noopener');
  });

  it('renders a heading block as a second-level heading', () => {
    renderWithIntl(<ArticleBody blocks={BLOCKS} />);
    expect(screen.getByRole('heading', { level: 2, name: 'De tweede helft' })).toBeInTheDocument();
  });

  it('renders a quote with its source in a footer, and without one when there is none', () => {
    const { container } = renderWithIntl(<ArticleBody blocks={BLOCKS} />);
    const [withSource, withoutSource] = Array.from(container.querySelectorAll('blockquote'));
    expect(withSource?.querySelector('p')).toHaveTextContent(/^We hebben hard gewerkt\.$/);
    expect(withSource?.querySelector('footer cite')).toHaveTextContent(/^Francesco Farioli$/);
    expect(withoutSource?.querySelector('p')).toHaveTextContent(/^Wat een wedstrijd\.$/);
    expect(withoutSource?.querySelector('footer')).toBeNull();
  });

  it.each([
    ['nl', 'Vreugde na de tweede treffer. Beeld: ANP'],
    ['en', 'Vreugde na de tweede treffer. Image: ANP'],
  ] as const)('renders an image as a figure with alt text, caption and credit (%s)', (locale, caption) => {
    const { container } = renderWithIntl(<ArticleBody blocks={[BLOCKS[4] as Block]} />, { locale });
    const figure = container.querySelector('figure');
    const image = within(figure as HTMLElement).getByRole('img', { name: 'Spelers van Ajax vieren de 2-0' });
    expect(image.getAttribute('src')).toContain(encodeURIComponent('/images/ajax-psv.jpg'));
    expect(image).toHaveAttribute('sizes', '(min-width: 46rem) 42rem, 100vw');
    // `fill`: the image takes the size of its fixed 16:9 box instead of its own.
    expect(image).not.toHaveAttribute('width');
    expect(image.style.position).toBe('absolute');
    expect(image.parentElement).toHaveClass('ratio');
    expect(figure?.querySelector('figcaption')).toHaveTextContent(caption);
  });

  it('leaves out the figcaption when an image has neither caption nor credit', () => {
    const { container } = renderWithIntl(
      <ArticleBody blocks={[{ type: 'image', src: '/images/x.jpg', alt: 'Het stadion' }]} />,
    );
    expect(container.querySelector('figure')).toBeInTheDocument();
    expect(container.querySelector('figcaption')).toBeNull();
  });
});

describe('VideoBlockShell, rendered by ArticleBody', () => {
  it.each([
    ['nl', 'Het artikel gaat verder onder de video', "Meer video's", '/video'],
    ['en', 'The article continues below the video', 'More videos', '/en/video'],
  ] as const)('in %s, says the article continues below, then shows the video and a link to more', (locale, intro, more, hub) => {
    const { container } = renderWithIntl(<ArticleBody blocks={[YOUTUBE]} />, { locale });
    const shell = container.querySelector('figure')?.parentElement as HTMLElement;
    expect(Array.from(shell.children).map((element) => element.tagName.toLowerCase())).toEqual(['p', 'figure', 'p']);
    expect(shell.children[0]).toHaveTextContent(intro);
    const moreLink = within(shell.children[2] as HTMLElement).getByRole('link', { name: more });
    expect(moreLink).toHaveAttribute('href', hub);
  });

  it('exposes the provider and id for the client player', () => {
    const { container } = renderWithIntl(<ArticleBody blocks={[YOUTUBE]} />);
    const figure = container.querySelector('figure');
    expect(figure).toHaveAttribute('data-video-provider', 'youtube');
    expect(figure).toHaveAttribute('data-video-id', 'dQw4w9WgXcQ');
    expect(figure).toHaveAttribute('data-video-title', 'Samenvatting Ajax - PSV');
    expect(figure).toHaveAttribute('data-video-poster', '/images/posters/ajax-psv.webp');
    expect(figure).toHaveAttribute('data-video-duration', '205');
    expect(figure).not.toHaveAttribute('data-video-src');
  });

  it('is one plain link to the video at the provider, holding poster, title, play button and duration', () => {
    const { container } = renderWithIntl(<ArticleBody blocks={[YOUTUBE]} />);
    const facade = screen.getByRole('link', { name: /Samenvatting Ajax - PSV/ });
    expect(facade).toHaveAttribute('href', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(facade).toHaveAttribute('rel', 'noopener');
    expect(facade).toHaveAccessibleName('Bekijk op YouTube Samenvatting Ajax - PSV Duur: 3 minuten en 25 seconden');
    const box = facade.firstElementChild as HTMLElement;
    expect(box).toHaveClass('ratio');
    const poster = box.querySelector('img');
    expect(poster).toHaveAttribute('alt', '');
    expect(poster?.getAttribute('src')).toContain(encodeURIComponent('/images/posters/ajax-psv.webp'));
    expect(within(box).getByText('3:25')).toHaveAttribute('aria-hidden', 'true');
    expect(box.querySelector('time')).toHaveAttribute('datetime', 'PT3M25S');
    expect(container.querySelectorAll('a')).toHaveLength(2);
  });

  it.each([
    [{ ...YOUTUBE, provider: 'vimeo', id: '76979871' } as VideoBlock, 'https://vimeo.com/76979871', 'noopener'],
    [{ type: 'video', provider: 'file', src: '/media/finale.mp4', title: 'De finale' } as VideoBlock, '/media/finale.mp4', null],
  ])('links a %j video to %s', (block, href, rel) => {
    renderWithIntl(<ArticleBody blocks={[block]} />);
    const facade = screen.getByRole('link', { name: new RegExp(block.title) });
    expect(facade).toHaveAttribute('href', href);
    if (rel) expect(facade).toHaveAttribute('rel', rel);
    else expect(facade).not.toHaveAttribute('rel');
  });

  it('gives a file video its src instead of an id, and the placeholder poster when it has none', () => {
    const block: VideoBlock = { type: 'video', provider: 'file', src: '/media/finale.mp4', title: 'De finale' };
    const { container } = renderWithIntl(<ArticleBody blocks={[block]} />);
    const figure = container.querySelector('figure');
    expect(figure).toHaveAttribute('data-video-provider', 'file');
    expect(figure).toHaveAttribute('data-video-src', '/media/finale.mp4');
    expect(figure).not.toHaveAttribute('data-video-id');
    expect(figure).toHaveAttribute('data-video-poster', '/images/video-placeholder.webp');
    expect(figure?.querySelector('img')?.getAttribute('src')).toContain(encodeURIComponent('/images/video-placeholder.webp'));
    // No duration given, so no badge.
    expect(figure?.querySelector('time')).toBeNull();
  });

  it.each([
    ['nl', 60, '1:00', 'Duur: 1 minuut'],
    ['nl', 7, '0:07', 'Duur: 7 seconden'],
    ['nl', 61, '1:01', 'Duur: 1 minuut en 1 seconde'],
    ['nl', 3723, '1:02:03', 'Duur: 62 minuten en 3 seconden'],
    ['en', 205, '3:25', 'Duration: 3 minutes and 25 seconds'],
    ['en', 61, '1:01', 'Duration: 1 minute and 1 second'],
    ['en', 120, '2:00', 'Duration: 2 minutes'],
  ] as const)('in %s shows %i seconds as %s, read out as "%s"', (locale, seconds, clock, spoken) => {
    const { container } = renderWithIntl(<ArticleBody blocks={[{ ...YOUTUBE, duration: seconds }]} />, { locale });
    const time = container.querySelector('figure time') as HTMLElement;
    expect(within(time).getByText(clock)).toHaveAttribute('aria-hidden', 'true');
    expect(within(time).getByText(spoken)).toBeInTheDocument();
  });
});

describe('hostile content', () => {
  const HOSTILE_TEXT = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">x</a>'];

  it.each(HOSTILE_TEXT)('renders %j literally in every text block', (text) => {
    const { container } = renderWithIntl(
      <ArticleBody
        blocks={[
          { type: 'paragraph', text },
          { type: 'heading', text },
          { type: 'quote', text, source: text },
        ]}
      />,
    );
    expectNothingExecutable(container);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('a')).toBeNull();
    expect(container.querySelector('p')?.textContent).toBe(text);
    expect(container.querySelector('h2')?.textContent).toBe(text);
    expect(container.querySelector('blockquote p')?.textContent).toBe(text);
    expect(container.querySelector('blockquote cite')?.textContent).toBe(text);
  });

  // The link syntax ends at the first ")", so what follows an unsafe href stays as text.
  it.each([
    ['[x](javascript:alert(1))', 'x)'],
    ['[x](JaVaScRiPt:alert(1))', 'x)'],
    ['[x]( javascript:alert(1))', 'x)'],
    ['[x](java\tscript:alert(1))', 'x)'],
    ['[x](data:text/html,…)', 'x'],
    ['[x](data:text/html,<script>alert(1)</script>)', 'x</script>)'],
    ['[x](vbscript:msgbox(1))', 'x)'],
    ['[x](//evil.example/)', 'x'],
    ['**[x](javascript:alert(1))**', 'x)'],
    ['javascript:alert(1)', 'javascript:alert(1)'],
  ])('renders %j as the text %j, without an anchor', (text, shown) => {
    const { container } = renderWithIntl(<ArticleBody blocks={[{ type: 'paragraph', text }]} />);
    expectNothingExecutable(container);
    expect(container.querySelector('a')).toBeNull();
    expect(container.querySelector('p')?.textContent).toBe(shown);
  });

  it('keeps markup in image and video fields as text and attribute values', () => {
    const evil = '"><script>alert(1)</script><img src=x onerror=alert(1)>';
    const { container } = renderWithIntl(
      <ArticleBody
        blocks={[
          { type: 'image', src: '/images/x.jpg', alt: evil, caption: evil, credit: evil },
          { ...YOUTUBE, title: evil },
        ]}
      />,
    );
    expectNothingExecutable(container);
    // Only the two images next/image renders: the photo and the poster.
    expect(container.querySelectorAll('img')).toHaveLength(2);
    expect(container.querySelector('figure img')).toHaveAttribute('alt', evil);
    expect(container.querySelector('figcaption')?.textContent).toBe(`${evil} Beeld: ${evil}`);
    expect(container.querySelector('[data-video-provider]')).toHaveAttribute('data-video-title', evil);
  });

  it('checks hrefs again when given a hand-built tree, as InlineText may get one from elsewhere', () => {
    const nodes: InlineNode[] = [
      { type: 'link', href: 'javascript:alert(1)', children: [{ type: 'text', text: 'one' }] },
      { type: 'link', href: ' JAVASCRIPT:alert(1)', children: [{ type: 'text', text: 'two' }] },
      { type: 'link', href: 'data:text/html,x', children: [{ type: 'text', text: 'three' }] },
      { type: 'link', href: '/nieuws/ok', children: [{ type: 'text', text: 'four' }] },
    ];
    const { container } = renderWithIntl(
      <p>
        <InlineText nodes={nodes} />
      </p>,
    );
    expect(container.textContent).toBe('onetwothreefour');
    const anchors = container.querySelectorAll('a');
    expect(anchors).toHaveLength(1);
    expect(anchors[0]).toHaveAttribute('href', '/nieuws/ok');
  });
});

describe('the article components’ messages', () => {
  const keysOf = (value: unknown, prefix = ''): string[] =>
    value && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, child]) => keysOf(child, `${prefix}${key}.`))
      : [prefix.slice(0, -1)];

  it.each(['ArticleByline', 'ArticleBody', 'VideoBlock'])('has the same %s keys in Dutch and English', (namespace) => {
    const nl = keysOf((nlMessages as Record<string, unknown>)[namespace]);
    expect(nl.length).toBeGreaterThan(0);
    expect(keysOf((enMessages as Record<string, unknown>)[namespace])).toEqual(nl);
  });
});
