import { JsonLd } from '@/components/seo/JsonLd';
import { articleDescription } from '@/lib/content/description';
import type { Article, VideoBlock } from '@/lib/content/model';
import { videoObjectJsonLd } from '@/lib/seo/video';
import { siteConfig } from '@/lib/site/config';

/**
 * One VideoObject script per video block of an article. It needs the article (its publication
 * date, its description), which the body's video shell does not get, so the article page renders it
 * next to the body. An article without a publication time (a draft preview) gets none.
 */
export function VideoObjectsJsonLd({ article }: { article: Article }) {
  const { publishedAt } = article;
  if (publishedAt === null) return null;
  const videos = article.body.filter((block): block is VideoBlock => block.type === 'video');
  const description = videos.length > 0 ? articleDescription(article) : null;
  return videos.map((block, index) => (
    <JsonLd
      // Blocks carry no ids and never reorder, so the index is a stable key.
      key={index}
      data={videoObjectJsonLd(block, { article: { title: article.title, description, publishedAt }, siteUrl: siteConfig.url })}
    />
  ));
}
