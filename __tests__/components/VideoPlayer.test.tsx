/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { VideoBlockShell } from '@/components/article/VideoBlockShell';
import type { VideoBlock } from '@/lib/content/model';
import enMessages from '@/messages/en.json';
import nlMessages from '@/messages/nl.json';
import { renderWithIntl } from '../setup/render';

const YOUTUBE: VideoBlock = {
  type: 'video',
  provider: 'youtube',
  id: 'Xk3vQ9pL2aB',
  title: 'Samenvatting FC Dijkstad - SV Noordpolder',
  poster: '/images/video-placeholder.webp',
  duration: 274,
};
const VIMEO: VideoBlock = { type: 'video', provider: 'vimeo', id: '76979871', title: 'Interview met de trainer' };
const FILE: VideoBlock = { type: 'video', provider: 'file', src: '/media/finale.mp4', title: 'De finale', duration: 95 };

const facadeOf = (block: VideoBlock) => screen.getByRole('link', { name: new RegExp(block.title) });

/** Every URL the rendered markup would make the browser fetch. */
function requestedUrls(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll('[src], [srcset], [poster]')).flatMap((element) =>
    ['src', 'srcset', 'poster'].flatMap((name) => element.getAttribute(name) ?? []),
  );
}

/** Records whether a click's default action (following the link) was prevented, then stops jsdom navigating. */
function watchLinkClicks(): { prevented: boolean[]; stop: () => void } {
  const prevented: boolean[] = [];
  const listener = (event: MouseEvent) => {
    prevented.push(event.defaultPrevented);
    event.preventDefault();
  };
  window.addEventListener('click', listener);
  return { prevented, stop: () => window.removeEventListener('click', listener) };
}

describe('VideoPlayer, over the server facade', () => {
  it.each([YOUTUBE, VIMEO, FILE])('renders the $provider facade unchanged and loads nothing from a provider', (block) => {
    const { container } = renderWithIntl(<VideoBlockShell block={block} />);
    expect(facadeOf(block)).toBeInTheDocument();
    expect(container.querySelector('iframe, video')).toBeNull();
    for (const url of requestedUrls(container)) expect(url).toMatch(/^\/(?!\/)/);
    const figure = container.querySelector('figure');
    expect(figure).toHaveAttribute('data-video-provider', block.provider);
    expect(figure).toHaveAttribute('data-video-title', block.title);
  });

  it.each([
    { block: YOUTUBE, src: 'https://www.youtube-nocookie.com/embed/Xk3vQ9pL2aB?autoplay=1&rel=0' },
    { block: VIMEO, src: 'https://player.vimeo.com/video/76979871?autoplay=1&dnt=1' },
  ])('swaps the $block.provider facade for $src on click, and focuses the player', async ({ block, src }) => {
    const user = userEvent.setup();
    const { container } = renderWithIntl(<VideoBlockShell block={block} />);
    await user.click(facadeOf(block));

    const player = container.querySelector('iframe');
    expect(player).toHaveAttribute('src', src);
    expect(player).toHaveAttribute('title', block.title);
    expect(player).toHaveAttribute('allow', 'autoplay; encrypted-media; picture-in-picture; fullscreen');
    expect(player).toHaveAttribute('allowfullscreen');
    expect(player).toHaveAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    expect(player).toHaveFocus();
    // The player takes the facade's place inside the same figure.
    expect(player?.closest('figure')).toHaveAttribute('data-video-provider', block.provider);
    expect(screen.queryByRole('link', { name: new RegExp(block.title) })).not.toBeInTheDocument();
  });

  it('plays a file in the native player, with controls, and focuses it', async () => {
    const user = userEvent.setup();
    const { container } = renderWithIntl(<VideoBlockShell block={FILE} />);
    await user.click(facadeOf(FILE));
    const video = container.querySelector('video');
    expect(video).toHaveAttribute('src', '/media/finale.mp4');
    expect(video).toHaveAttribute('controls');
    expect(video?.autoplay).toBe(true);
    expect(video).toHaveAccessibleName('De finale');
    expect(video).toHaveFocus();
    expect(container.querySelector('iframe')).toBeNull();
  });

  it.each([
    { locale: 'nl', text: 'Je browser kan deze video hier niet afspelen. Open de video.', link: 'Open de video' },
    { locale: 'en', text: 'Your browser cannot play this video here. Open the video.', link: 'Open the video' },
  ] as const)('gives the file player the fallback the server translated ($locale), linking to the file', async ({ locale, text, link }) => {
    const user = userEvent.setup();
    const { container } = renderWithIntl(<VideoBlockShell block={FILE} />, { locale });
    await user.click(facadeOf(FILE));
    const video = container.querySelector('video') as HTMLElement;
    expect(video).toHaveTextContent(text);
    expect(within(video).getByRole('link', { name: link })).toHaveAttribute('href', '/media/finale.mp4');
  });

  it.each([
    ['Enter', '{Enter}'],
    ['Space', ' '],
  ])('starts the video when the focused facade gets %s', async (_name, keys) => {
    const user = userEvent.setup();
    const { container } = renderWithIntl(<VideoBlockShell block={YOUTUBE} />);
    await user.tab();
    expect(facadeOf(YOUTUBE)).toHaveFocus();
    await user.keyboard(keys);
    expect(container.querySelector('iframe')).toHaveFocus();
  });

  it('ignores other keys on the facade', async () => {
    const user = userEvent.setup();
    const { container } = renderWithIntl(<VideoBlockShell block={YOUTUBE} />);
    await user.tab();
    await user.keyboard('k');
    expect(container.querySelector('iframe')).toBeNull();
  });

  it('leaves a click with a modifier key to the link (a new tab at the provider)', async () => {
    const user = userEvent.setup();
    const clicks = watchLinkClicks();
    try {
      const { container } = renderWithIntl(<VideoBlockShell block={YOUTUBE} />);
      await user.keyboard('{Control>}');
      await user.click(facadeOf(YOUTUBE));
      await user.keyboard('{/Control}');
      expect(clicks.prevented).toEqual([false]);
      expect(container.querySelector('iframe')).toBeNull();
    } finally {
      clicks.stop();
    }
  });

  it('plays one video at a time: starting another unloads the one playing', async () => {
    const user = userEvent.setup();
    const { container } = renderWithIntl(
      <>
        <VideoBlockShell block={YOUTUBE} />
        <VideoBlockShell block={VIMEO} />
      </>,
    );
    const [first, second] = Array.from(container.querySelectorAll('figure'));
    await user.click(facadeOf(YOUTUBE));
    expect(within(first as HTMLElement).getByTitle(YOUTUBE.title)).toBeInTheDocument();

    await user.click(facadeOf(VIMEO));
    expect(container.querySelectorAll('iframe')).toHaveLength(1);
    expect(within(second as HTMLElement).getByTitle(VIMEO.title)).toHaveFocus();
    // The first is back to its facade, ready to play again.
    expect(first?.querySelector('iframe')).toBeNull();
    expect(facadeOf(YOUTUBE)).toBeInTheDocument();
  });
});

describe("the client leaves' messages", () => {
  const keysOf = (value: unknown, prefix = ''): string[] =>
    value && typeof value === 'object'
      ? Object.entries(value).flatMap(([key, child]) => keysOf(child, `${prefix}${key}.`))
      : [prefix.slice(0, -1)];

  it.each(['VideoPlayer', 'RelativeTime', 'UpdateNotice', 'LoadMore', 'ErrorPage'])('has the same %s keys in Dutch and English', (namespace) => {
    const nl = keysOf((nlMessages as Record<string, unknown>)[namespace]);
    expect(nl.length).toBeGreaterThan(0);
    expect(keysOf((enMessages as Record<string, unknown>)[namespace])).toEqual(nl);
  });
});
