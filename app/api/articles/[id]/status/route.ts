/**
 * GET /api/articles/[id]/status → `{ id, updatedAt, slug, path }` of a public article, for the
 * article page's update check. Anything not public (draft, scheduled, future, unknown) is a 404,
 * indistinguishable from an id that never existed.
 *
 * `updatedAt` is the version the article page itself would render now: it is read through the
 * page's own cached read (getArticle), so the reader is only offered a new version that a refresh
 * can actually show, never one still waiting for the page cache to be revalidated.
 */
import { unstable_cache } from 'next/cache';
import { cacheTags } from '@/lib/cache/tags';
import { getDatabase } from '@/lib/db/connection';
import { getPublicArticleVersion } from '@/lib/data/status';
import { getPathname } from '@/lib/i18n/navigation';
import {
  ARTICLE_STATUS_CACHE_CONTROL,
  jsonError,
  parseArticleIdParam,
  type ArticleStatusResponse,
} from '@/lib/site/api-params';
import { getArticle } from '@/lib/site/content';
import { unavailableWhenDatabaseIsDown } from '@/lib/site/unavailable';

/** Where the article lives now (id → locale and slug). Revalidated with the article's tag; 30 s bounds a publication time passing. */
const findArticle = (id: string) =>
  unstable_cache(async () => getPublicArticleVersion(await getDatabase(), id), ['article-status', id], {
    tags: [cacheTags.article(id)],
    revalidate: 30,
  })();

export const GET = unavailableWhenDatabaseIsDown('json', async (_request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const parsed = parseArticleIdParam((await params).id);
  if (!parsed.ok) return jsonError(400, parsed.message);
  const version = await findArticle(parsed.value);
  if (version === null) return jsonError(404, `no public article with id "${parsed.value}"`);

  const onPage = await getArticle(version.locale, version.slug);
  const body: ArticleStatusResponse = {
    id: version.id,
    // The page's cached read may not know a brand-new slug yet; the stored version is then the best answer.
    updatedAt: onPage?.kind === 'article' ? onPage.article.updatedAt : version.updatedAt,
    slug: version.slug,
    path: getPathname({ locale: version.locale, href: { pathname: '/news/[slug]', params: { slug: version.slug } } }),
  };
  return Response.json(body, { headers: { 'Cache-Control': ARTICLE_STATUS_CACHE_CONTROL } });
});
