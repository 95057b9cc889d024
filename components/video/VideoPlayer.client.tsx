'use client';
// Client: swaps the server-rendered facade for the provider's player on the reader's click or key press.

import { useEffect, useId, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { VideoBlock } from '@/lib/content/model';
import { videoPlayerUrl } from '@/lib/seo/video';
import styles from './VideoPlayer.module.css';

/**
 * Players on the page announce "I started" here, and every other player unloads: one video plays
 * at a time. A module-level target rather than a window event: nothing outside this module can
 * dispatch to it or needs to listen.
 */
const players = new EventTarget();
const PLAY = 'play';

interface VideoPlayerProps {
  /** The video block, as the content model stores it (plain JSON). */
  block: VideoBlock;
  /** The poster the facade shows, resolved on the server; a file video's `<video poster>` too. */
  poster: string;
  /** The figure's class: the facade's look belongs to the server component that renders it. */
  className?: string;
  /** The server-rendered facade: one link to the video at its provider, in a 16:9 box. */
  children: ReactNode;
  /**
   * A file video's fallback for browsers that cannot play it ("… <a>Open the video</a>."),
   * translated and rendered by the server.
   */
  fallback?: ReactNode;
}

/**
 * The mount point of a video block (`<figure data-video-*>`, see VideoBlockShell). Until the reader
 * asks for the video it renders the server's facade unchanged, so nothing is fetched from the
 * provider and the page works the same without JavaScript (the facade is a plain link). A plain
 * click, Enter or Space on the facade loads the player in the same 16:9 box and moves focus to it.
 * Clicks with a modifier key (new tab, new window) keep the link's own behaviour.
 */
export function VideoPlayer({ block, poster, className, children, fallback }: VideoPlayerProps) {
  const id = useId();
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    const onPlay = (event: Event) => {
      if (event instanceof CustomEvent && event.detail !== id) setPlaying(false);
    };
    players.addEventListener(PLAY, onPlay);
    return () => players.removeEventListener(PLAY, onPlay);
  }, [id]);

  const play = () => {
    setPlaying(true);
    players.dispatchEvent(new CustomEvent(PLAY, { detail: id }));
  };

  const fromFacade = (target: EventTarget) => target instanceof Element && target.closest('a[href]') !== null;

  const onClick = (event: MouseEvent<HTMLElement>) => {
    if (playing || !fromFacade(event.target)) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    play();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (playing || !fromFacade(event.target)) return;
    // Enter would follow the link and Space would scroll the page; both start the video instead.
    if (event.key !== 'Enter' && event.key !== ' ' && event.key !== 'Spacebar') return;
    event.preventDefault();
    play();
  };

  // The handlers sit on the figure and act only on events from the facade link inside it, which the
  // server renders and this component passes through untouched.
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- delegation, not a handler of the figure's own: it acts only on events from the facade link, the interactive element inside
    <figure
      className={className}
      data-video-provider={block.provider}
      data-video-id={block.provider === 'file' ? undefined : block.id}
      data-video-src={block.provider === 'file' ? block.src : undefined}
      data-video-title={block.title}
      data-video-poster={poster}
      data-video-duration={block.duration}
      onClick={onClick}
      onKeyDown={onKeyDown}
    >
      {playing ? (
        <div className={styles.frame}>
          {block.provider === 'file' ? (
            <FilePlayer src={block.src} poster={poster} title={block.title} fallback={fallback} />
          ) : (
            <iframe
              ref={focusOnMount}
              className={styles.player}
              src={videoPlayerUrl(block, { autoplay: true })}
              title={block.title}
              allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
              allowFullScreen
              referrerPolicy="strict-origin-when-cross-origin"
            />
          )}
        </div>
      ) : (
        children
      )}
    </figure>
  );
}

/** The player appears only after the reader asked for it, so moving focus to it on mount is expected. */
function focusOnMount(element: HTMLElement | null) {
  element?.focus();
}

interface FilePlayerProps {
  src: string;
  poster: string;
  title: string;
  fallback: ReactNode;
}

/** A video file from the site itself, in the browser's own player. */
function FilePlayer({ src, poster, title, fallback }: FilePlayerProps) {
  return (
    // tabIndex: so that focus can move to the player in every browser, as it does to an iframe.
    // eslint-disable-next-line jsx-a11y/media-has-caption -- the content format has no caption file for a video, so there is no track to point at; adding one is a content-format change
    <video ref={focusOnMount} className={styles.player} src={src} poster={poster} aria-label={title} controls autoPlay playsInline tabIndex={0}>
      {fallback}
    </video>
  );
}
