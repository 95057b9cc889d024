import Image from 'next/image';
import { useTranslations } from 'next-intl';
import type { Block, ImageBlock, QuoteBlock } from '@/lib/content/model';
import { parseInline } from '@/lib/content/inline';
import { InlineText } from './InlineText';
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
