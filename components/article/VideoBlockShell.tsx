import Image from 'next/image';
import { useTranslations } from 'next-intl';
import type { VideoBlock } from '@/lib/content/model';
import { durationParts, formatDuration, isoDuration } from '@/lib/dates/duration';
import { Link } from '@/lib/i18n/navigation';
import { VIDEO_PLACEHOLDER_POSTER as PLACEHOLDER, videoPosterSrc } from '@/lib/seo/video';
import { VideoPlayer } from '@/components/video/VideoPlayer.client';
import { ARTICLE_COLUMN_SIZES } from './articleColumn';
import layoutStyles from '@/components/layout/layout.module.css';
import styles from './article.module.css';

/** Shown when a video block has no poster of its own. */
export const VIDEO_PLACEHOLDER_POSTER = PLACEHOLDER;

/** Where the video lives at its provider: the facade links there until the player takes over. */
export function videoWatchUrl(block: VideoBlock): string {
  switch (block.provider) {
    case 'youtube':
      return `https://www.youtube.com/watch?v=${encodeURIComponent(block.id)}`;
    case 'vimeo':
      return `https://vimeo.com/${encodeURIComponent(block.id)}`;
    case 'file':
      return block.src;
  }
}

/**
 * A video in an article, rendered on the server as a facade: the poster in a fixed 16:9 box with the
 * title, a play button and the duration, all one plain link to the video at its provider. It works
 * without JavaScript and loads nothing from the provider.
 *
 * Contract for the client player that will hydrate over it (keep it stable):
 *
 *   <div class="video">                                   the whole block
 *     <p>…continues below the video</p>
 *     <figure data-video-provider="youtube|vimeo|file"    the mount point
 *             data-video-id="…"                           youtube and vimeo only
 *             data-video-src="…"                          file only
 *             data-video-title="…"
 *             data-video-poster="…"
 *             data-video-duration="205">                  whole seconds, when known
 *       <a href="…provider URL…">                         the facade; the player replaces it
 *         <span class="ratio">                            the 16:9 box the player fills
 *           <img> poster · play button · title · <time dateTime="PT3M25S">
 *     </figure>
 *     <p><a href="/video">More videos</a></p>
 *   </div>
 *
 * The figure's box keeps its size when the facade is swapped for an iframe, so nothing shifts.
 * The figure is rendered by the client leaf VideoPlayer, which passes the facade through unchanged
 * until the reader presses play.
 */
export function VideoBlockShell({ block }: { block: VideoBlock }) {
  const t = useTranslations('VideoBlock');
  const tPlayer = useTranslations('VideoPlayer');
  const href = videoWatchUrl(block);
  const poster = videoPosterSrc(block);
  // A provider thumbnail (only with NEXT_PUBLIC_ALLOW_PROVIDER_POSTERS) is loaded as is: no remote
  // image optimisation is configured.
  const providerPoster = !block.poster && poster !== VIDEO_PLACEHOLDER_POSTER;
  const external = /^https?:\/\//i.test(href);

  return (
    <div className={styles.video}>
      <p className={styles.videoIntro}>{t('continuesBelow')}</p>
      <VideoPlayer
        block={block}
        poster={poster}
        className={styles.videoFigure}
        fallback={block.provider === 'file' ? tPlayer.rich('unsupported', { link: (chunks) => <a href={block.src}>{chunks}</a> }) : undefined}
      >
        <a className={styles.videoFacade} href={href} rel={external ? 'noopener' : undefined}>
          <span className={styles.ratio}>
            {/* Decorative: the link is named by the title below. */}
            <Image
              className={styles.media}
              src={poster}
              alt=""
              fill
              sizes={ARTICLE_COLUMN_SIZES}
              unoptimized={providerPoster}
            />
            <span className={styles.playButton}>
              <span className={layoutStyles.visuallyHidden}>{t('watchAt', { provider: block.provider })}</span>
            </span>
            <span className={styles.videoTitle}>{block.title}</span>
            {block.duration !== undefined && (
              <time className={styles.videoDuration} dateTime={isoDuration(block.duration)}>
                <span aria-hidden="true">{formatDuration(block.duration)}</span>
                <span className={layoutStyles.visuallyHidden}>{t('duration', durationParts(block.duration))}</span>
              </time>
            )}
          </span>
        </a>
      </VideoPlayer>
      <p className={styles.moreVideos}>
        {/* No `locale` prop: next-intl would then force the /nl prefix onto the Dutch URL. */}
        <Link href="/video">{t('moreVideos')}</Link>
      </p>
    </div>
  );
}
