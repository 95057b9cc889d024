import { Fragment, type ReactNode } from 'react';
import Image from 'next/image';
import { useTranslations } from 'next-intl';
import type { Block, ImageBlock, QuoteBlock } from '@/lib/content/model';
import { isSafeHref, parseInline, type InlineNode } from '@/lib/content/inline';
import { ARTICLE_COLUMN_SIZES } from './articleColumn';
import { VideoBlockShell } from './VideoBlockShell';
import styles from './article.module.css';

/**
 * An article's body blocks, in order. Text is rendered as React text nodes (inline marks in
 * paragraphs through InlineText), never as HTML.
 */
export function ArticleBody({ blocks }: { blocks: Block[] }) {
  return (
    <div className={styles.body}>
      {blocks.map((block, index) => {
        // Blocks carry no ids and never reorder on the client, so the index is a stable key.
        switch (block.type) {
          case 'paragraph':
            return (
              <p key={index}>
                <InlineText nodes={parseInline(block.text)} />
              </p>
            );
          case 'heading':
            return (
              <h2 key={index} className={styles.heading}>
                {block.text}
              </h2>
            );
          case 'quote':
            return <ArticleQuote key={index} block={block} />;
          case 'image':
            return <ArticleFigure key={index} block={block} />;
          case 'video':
            return <VideoBlockShell key={index} block={block} />;
          default: {
            const unknown: never = block;
            return unknown;
          }
        }
      })}
    </div>
  );
}

function ArticleQuote({ block }: { block: QuoteBlock }) {
  return (
    <blockquote className={styles.quote}>
      <p>{block.text}</p>
      {block.source && (
        <footer>
          <cite>{block.source}</cite>
        </footer>
      )}
    </blockquote>
  );
}

function ArticleFigure({ block }: { block: ImageBlock }) {
  const t = useTranslations('ArticleBody');
  const hasCaption = Boolean(block.caption || block.credit);
  return (
    <figure className={styles.figure}>
      <div className={styles.ratio}>
        <Image className={styles.media} src={block.src} alt={block.alt} fill sizes={ARTICLE_COLUMN_SIZES} />
      </div>
      {hasCaption && (
        <figcaption className={styles.caption}>
          {block.caption}
          {block.caption && block.credit && ' '}
          {block.credit && <span className={styles.credit}>{t('imageCredit', { credit: block.credit })}</span>}
        </figcaption>
      )}
    </figure>
  );
}

/**
 * Renders parsed inline marks (see lib/content/inline.ts) as React elements, so content text is
 * never interpreted as HTML. The parser already drops unsafe links; the href is checked again
 * here because an InlineNode[] may come from elsewhere, and an unsafe link renders as its text.
 */
export function InlineText({ nodes }: { nodes: InlineNode[] }) {
  return <>{nodes.map(renderNode)}</>;
}

const ABSOLUTE_HTTP = /^https?:\/\//i;

function renderNode(node: InlineNode, index: number): ReactNode {
  switch (node.type) {
    case 'text':
      // A bare string: it needs no key, and each run costs the page's inline payload its text
      // alone instead of a keyed fragment around it.
      return node.text;
    case 'strong':
      return (
        <strong key={index}>
          <InlineText nodes={node.children} />
        </strong>
      );
    case 'em':
      return (
        <em key={index}>
          <InlineText nodes={node.children} />
        </em>
      );
    case 'link':
      if (!isSafeHref(node.href)) {
        return (
          <Fragment key={index}>
            <InlineText nodes={node.children} />
          </Fragment>
        );
      }
      return (
        // rel only where it applies: an undefined prop would still travel in the RSC payload of
        // every internal link, as "rel":"$undefined".
        <a key={index} href={node.href} {...(ABSOLUTE_HTTP.test(node.href) ? { rel: 'noopener' } : {})}>
          <InlineText nodes={node.children} />
        </a>
      );
    default: {
      const unknown: never = node;
      return unknown;
    }
  }
}
