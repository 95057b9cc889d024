/**
 * Where a video block's media live (poster, player), and its VideoObject structured data.
 *
 * The player island and the JSON-LD both take their URLs from here, so the `embedUrl` that search
 * engines see is the player the reader gets. The module is pure and light (no date library, no
 * server-only imports) because the client player imports it too.
 */
import type { VideoBlock } from '@/lib/content/model';
import { isoDuration } from '@/lib/dates/duration';

/** Shown when a video block has no poster of its own (and provider posters are not allowed). */
export const VIDEO_PLACEHOLDER_POSTER = '/images/video-placeholder.webp';

/**
 * Whether a YouTube video without a poster of its own may show YouTube's thumbnail. Off by
 * default: the thumbnail comes from i.ytimg.com, a third-party request on page load.
 * `NEXT_PUBLIC_` so that the value is fixed at build time, the same on server and client.
 */
export const ALLOW_PROVIDER_POSTERS = process.env.NEXT_PUBLIC_ALLOW_PROVIDER_POSTERS === 'true';

/**
 * The poster image of a video block: its own poster; else, for YouTube and only when
 * `allowProviderPosters` is set, the provider's thumbnail; else the local placeholder.
 */
export function videoPosterSrc(block: VideoBlock, allowProviderPosters: boolean = ALLOW_PROVIDER_POSTERS): string {
  if (block.poster) return block.poster;
  if (allowProviderPosters && block.provider === 'youtube') {
    return `https://i.ytimg.com/vi/${encodeURIComponent(block.id)}/hqdefault.jpg`;
  }
  return VIDEO_PLACEHOLDER_POSTER;
}

/**
 * The provider's embeddable player, privacy-friendly: YouTube's no-cookie domain, Vimeo with
 * Do Not Track. With `autoplay` (the reader clicked play), the player starts at once and YouTube
 * shows no unrelated videos at the end; without it, this is the bare `embedUrl` for structured
 * data. The CSP's frame-src (next.config.js) allows exactly these two origins.
 */
export function videoPlayerUrl(video: { provider: 'youtube' | 'vimeo'; id: string }, { autoplay }: { autoplay: boolean }): string {
  const id = encodeURIComponent(video.id);
  if (video.provider === 'youtube') {
    return `https://www.youtube-nocookie.com/embed/${id}${autoplay ? '?autoplay=1&rel=0' : ''}`;
  }
  return `https://player.vimeo.com/video/${id}${autoplay ? '?autoplay=1&dnt=1' : ''}`;
}

/** A schema.org VideoObject, as Google reads it for video rich results. */
export interface VideoObjectJsonLd {
  '@context': 'https://schema.org';
  '@type': 'VideoObject';
  name: string;
  description: string;
  thumbnailUrl: string[];
  uploadDate: string;
  duration?: string;
  embedUrl?: string;
  contentUrl?: string;
}

export interface VideoJsonLdContext {
  /**
   * The article the video appears in: its description (lib/content/description.ts: the intro, or
   * the opening of the body; null when it has neither) describes the video, its publication dates it.
   */
  article: { title: string; description: string | null; publishedAt: string };
  /** The site's public origin (siteConfig.url), to make local paths absolute. */
  siteUrl: string;
}

const absolute = (src: string, siteUrl: string) => new URL(src, `${siteUrl}/`).toString();

/**
 * VideoObject structured data for one video block.
 *
 * - `uploadDate` is the article's `publishedAt` as the data layer returns it (ISO 8601 with its
 *   zone, `2022-05-03T12:38:00Z`): a block has no date of its own, and the video was published
 *   with the article.
 * - `description` is the article's description, or the video title when it has none (Google
 *   requires a description).
 * - `thumbnailUrl`, and `contentUrl` for a file, are absolute URLs.
 * - YouTube and Vimeo get the `embedUrl` of the player the page loads; a file gets `contentUrl`.
 * - `duration` (ISO 8601, `PT4M34S`) only when the block knows it.
 */
export function videoObjectJsonLd(block: VideoBlock, { article, siteUrl }: VideoJsonLdContext): VideoObjectJsonLd {
  const data: VideoObjectJsonLd = {
    '@context': 'https://schema.org',
    '@type': 'VideoObject',
    name: block.title,
    description: article.description?.trim() || block.title,
    thumbnailUrl: [absolute(videoPosterSrc(block), siteUrl)],
    uploadDate: article.publishedAt,
  };
  if (block.duration !== undefined) data.duration = isoDuration(block.duration);
  if (block.provider === 'file') data.contentUrl = absolute(block.src, siteUrl);
  else data.embedUrl = videoPlayerUrl(block, { autoplay: false });
  return data;
}

/**
 * Serialises structured data for an inline `<script type="application/ld+json">`. Every `<` is
 * escaped, so text such as `</script>` in a title cannot end the script element early.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
