import { draftMode } from 'next/headers';
import { requireEditorForApi } from '@/lib/auth/request-session';
import { ArticleIdSchema } from '@/lib/content/model';
import { getArticleById } from '@/lib/data/articles';
import { getDatabase } from '@/lib/db/connection';
import { publicArticlePath } from '@/lib/preview/links';

// GET /api/preview?id=<articleId>: an editor's "Preview" button. Turns on Draft Mode for this
// browser and sends it to the article's real URL, taken from the database (never from the query,
// so this is no open redirect). Draft Mode shows stored text only together with the session.
export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex' };

export async function GET(request: Request) {
  const session = await requireEditorForApi();
  if (session instanceof Response) return session;
  // A page on another site may link here; it must not switch an editor's browser into Draft Mode.
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') {
    return Response.json({ error: 'open the preview from the desk' }, { status: 403, headers: noStore });
  }
  const id = ArticleIdSchema.safeParse(new URL(request.url).searchParams.get('id') ?? '');
  if (!id.success) return Response.json({ error: 'expected ?id=<article id>' }, { status: 400, headers: noStore });
  const article = await getArticleById(await getDatabase(), id.data);
  if (article === null) return Response.json({ error: 'no such article' }, { status: 404, headers: noStore });
  (await draftMode()).enable();
  return new Response(null, { status: 307, headers: { ...noStore, Location: publicArticlePath(article.locale, article.slug) } });
}
