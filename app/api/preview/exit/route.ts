import { draftMode } from 'next/headers';
import { crossSiteRefusal, checkSameOrigin } from '@/lib/auth/origin';
import { ArticleIdSchema } from '@/lib/content/model';
import { getArticleById } from '@/lib/data/articles';
import { getDatabase } from '@/lib/db/connection';
import { defaultLocale } from '@/lib/i18n/locales';
import { localizedPath } from '@/lib/i18n/paths';
import { publicArticlePath } from '@/lib/preview/links';
import { siteConfig } from '@/lib/site/config';

// POST /api/preview/exit (the preview banner's form): ends Draft Mode and goes back to the
// article's public URL (from the database, by the form's `id`), or to the front page.
export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex' };

export async function POST(request: Request) {
  if (!checkSameOrigin(request.headers, siteConfig.url).ok) return crossSiteRefusal();
  let target = localizedPath(defaultLocale, '/');
  try {
    const id = ArticleIdSchema.safeParse((await request.formData()).get('id'));
    if (id.success) {
      const article = await getArticleById(await getDatabase(), id.data);
      if (article !== null) target = publicArticlePath(article.locale, article.slug);
    }
  } catch {
    // Not a form body: still leave Draft Mode, and go to the front page.
  }
  (await draftMode()).disable();
  return new Response(null, { status: 303, headers: { ...noStore, Location: target } });
}
