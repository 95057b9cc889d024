import type { VideoBlock } from '@/lib/content/model';
import {
  serializeJsonLd,
  VIDEO_PLACEHOLDER_POSTER,
  videoObjectJsonLd,
  videoPlayerUrl,
  videoPosterSrc,
} from '@/lib/seo/video';

const SITE = 'https://sportnieuws.example';
const ARTICLE = {
  title: "Trainer van FC Dijkstad blijft kalm na nederlaag: 'We hebben nog alles in eigen hand'",
  description: 'Ondanks de eerste thuisnederlaag van het seizoen ziet trainer Joris Wesselink geen reden tot paniek.',
  publishedAt: '2022-05-03T12:38:00Z',
};
const context = { article: ARTICLE, siteUrl: SITE };

const YOUTUBE: VideoBlock = {
  type: 'video',
  provider: 'youtube',
  id: 'Xk3vQ9pL2aB',
  title: 'Samenvatting FC Dijkstad - SV Noordpolder',
  poster: '/images/video-placeholder.webp',
  duration: 274,
};
const VIMEO: VideoBlock = { type: 'video', provider: 'vimeo', id: '76979871', title: 'Interview', duration: 3723 };
const FILE: VideoBlock = { type: 'video', provider: 'file', src: '/media/finale.mp4', title: 'De finale', poster: '/images/finale.webp' };

describe('videoObjectJsonLd', () => {
  it('describes a YouTube video with its no-cookie player as embedUrl', () => {
    expect(videoObjectJsonLd(YOUTUBE, context)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'VideoObject',
      name: 'Samenvatting FC Dijkstad - SV Noordpolder',
      description: ARTICLE.description,
      thumbnailUrl: ['https://sportnieuws.example/images/video-placeholder.webp'],
      uploadDate: '2022-05-03T12:38:00Z',
      duration: 'PT4M34S',
      embedUrl: 'https://www.youtube-nocookie.com/embed/Xk3vQ9pL2aB',
    });
  });

  it.each([
    { block: YOUTUBE, embedUrl: 'https://www.youtube-nocookie.com/embed/Xk3vQ9pL2aB', contentUrl: undefined },
    { block: VIMEO, embedUrl: 'https://player.vimeo.com/video/76979871', contentUrl: undefined },
    { block: FILE, embedUrl: undefined, contentUrl: 'https://sportnieuws.example/media/finale.mp4' },
  ])('gives a $block.provider video embedUrl $embedUrl and contentUrl $contentUrl', ({ block, embedUrl, contentUrl }) => {
    const data = videoObjectJsonLd(block, context);
    expect(data.embedUrl).toBe(embedUrl);
    expect(data.contentUrl).toBe(contentUrl);
  });

  it.each([
    [274, 'PT4M34S'],
    [3723, 'PT1H2M3S'],
    [60, 'PT1M'],
    [7, 'PT7S'],
  ])('gives a duration of %i seconds as %s', (seconds, iso) => {
    expect(videoObjectJsonLd({ ...YOUTUBE, duration: seconds }, context).duration).toBe(iso);
  });

  it('leaves duration out when the block does not know it', () => {
    const { duration, ...block } = YOUTUBE;
    expect(duration).toBe(274);
    expect(videoObjectJsonLd(block, context)).not.toHaveProperty('duration');
  });

  it.each([
    ['a local poster', FILE, 'https://sportnieuws.example/images/finale.webp'],
    ['no poster (the placeholder)', { ...VIMEO }, `https://sportnieuws.example${VIDEO_PLACEHOLDER_POSTER}`],
    ['a remote poster', { ...FILE, poster: 'https://cdn.example/p.jpg' }, 'https://cdn.example/p.jpg'],
  ])('makes the thumbnail of %s an absolute URL', (_name, block, url) => {
    expect(videoObjectJsonLd(block, context).thumbnailUrl).toEqual([url]);
  });

  it('dates the video by the article, with its zone', () => {
    const data = videoObjectJsonLd(YOUTUBE, { ...context, article: { ...ARTICLE, publishedAt: '2022-05-03T14:38:00+02:00' } });
    expect(data.uploadDate).toBe('2022-05-03T14:38:00+02:00');
  });

  it.each([
    ['no description at all', null],
    ['a blank description', '  '],
  ])('falls back to the video title when the article has %s', (_name, description) => {
    expect(videoObjectJsonLd(YOUTUBE, { ...context, article: { ...ARTICLE, description } }).description).toBe(YOUTUBE.title);
  });
});

describe('serializeJsonLd', () => {
  it('escapes every "<", so a title cannot close the script element', () => {
    const hostile = { ...YOUTUBE, title: '</script><script>alert(1)</script>' };
    const json = serializeJsonLd(videoObjectJsonLd(hostile, context));
    expect(json).not.toContain('<');
    expect(json).toContain('\\u003c/script>\\u003cscript>alert(1)\\u003c/script>');
    // Still the same data once parsed.
    expect(JSON.parse(json).name).toBe('</script><script>alert(1)</script>');
  });

  it.each([['<!--'], ['<![CDATA['], ['a\u2028line separator']])('keeps %j parseable and free of "<"', (text) => {
    const json = serializeJsonLd({ text });
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ text });
  });
});

describe('videoPlayerUrl', () => {
  it.each([
    { video: YOUTUBE, autoplay: true, url: 'https://www.youtube-nocookie.com/embed/Xk3vQ9pL2aB?autoplay=1&rel=0' },
    { video: YOUTUBE, autoplay: false, url: 'https://www.youtube-nocookie.com/embed/Xk3vQ9pL2aB' },
    { video: VIMEO, autoplay: true, url: 'https://player.vimeo.com/video/76979871?autoplay=1&dnt=1' },
    { video: VIMEO, autoplay: false, url: 'https://player.vimeo.com/video/76979871' },
  ] as const)('plays $video.provider with autoplay $autoplay from $url', ({ video, autoplay, url }) => {
    expect(videoPlayerUrl(video, { autoplay })).toBe(url);
  });
});

describe('videoPosterSrc', () => {
  const bare: VideoBlock = { type: 'video', provider: 'youtube', id: 'Xk3vQ9pL2aB', title: 'Zonder poster' };
  it.each([
    ['its own poster, always', YOUTUBE, true, '/images/video-placeholder.webp'],
    ['the placeholder when provider posters are off (the default)', bare, false, VIDEO_PLACEHOLDER_POSTER],
    ["YouTube's thumbnail only when provider posters are allowed", bare, true, 'https://i.ytimg.com/vi/Xk3vQ9pL2aB/hqdefault.jpg'],
    ['the placeholder for Vimeo even then', { ...VIMEO }, true, VIDEO_PLACEHOLDER_POSTER],
  ] as const)('uses %s', (_name, block, allow, src) => {
    expect(videoPosterSrc(block, allow)).toBe(src);
  });

  it('does not allow provider posters unless the site opts in', () => {
    expect(process.env.NEXT_PUBLIC_ALLOW_PROVIDER_POSTERS).toBeUndefined();
    expect(videoPosterSrc(bare)).toBe(VIDEO_PLACEHOLDER_POSTER);
  });
});
