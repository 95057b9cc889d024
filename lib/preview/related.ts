/**
 * "Read next" under a previewed article (server only). The public page gets it through the cached
 * read in lib/site/content.ts, whose cache key is built from the article it is given; for a preview
 * that would be the unpublished text, so previews ask the data layer directly and cache nothing.
 * The result is public articles only, as on the public page.
 */
import type { Article, ArticleSummary } from '@/lib/content/model';
import { relatedArticles } from '@/lib/data/articles';
import { getDatabase } from '@/lib/db/connection';

export async function previewRelatedArticles(article: Article): Promise<ArticleSummary[]> {
  return relatedArticles(await getDatabase(), article, 6);
}
