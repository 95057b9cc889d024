import { checkSameOrigin, crossSiteRefusal } from '@/lib/auth/origin';
import { requireEditorForApi } from '@/lib/auth/request-session';
import { can } from '@/lib/auth/roles';
import { getDatabase } from '@/lib/db/connection';
import { mediaMaxBytes } from '@/lib/media/limits';
import { handleMediaUpload } from '@/lib/media/upload';
import { siteConfig } from '@/lib/site/config';

// Image upload for the desk (multipart/form-data, one `file` part). Cross-site posts are refused
// first, then requests without a session (401) or without the right to edit articles (403); the
// rest (size limit while reading, content checks, storage) is lib/media/upload.ts.
export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  if (!checkSameOrigin(request.headers, siteConfig.url).ok) return crossSiteRefusal();
  const session = await requireEditorForApi();
  if (session instanceof Response) return session;
  if (!can(session.user.role, 'articles.edit')) {
    return Response.json({ error: 'forbidden' }, { status: 403, headers: { 'Cache-Control': 'private, no-store' } });
  }
  return handleMediaUpload(request, {
    database: await getDatabase(),
    maxBytes: mediaMaxBytes(),
    uploadedBy: session.user.name,
    now: new Date(),
  });
}
