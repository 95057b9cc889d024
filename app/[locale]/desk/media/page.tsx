import { notFound } from 'next/navigation';
import { DeskShell } from '@/components/desk/DeskShell';
import { MediaLibrary } from '@/components/desk/media/MediaLibrary';
import { deskRoutePath } from '@/lib/auth/desk-paths';
import { requireEditor } from '@/lib/auth/request-session';
import { can } from '@/lib/auth/roles';
import { getDatabase } from '@/lib/db/connection';
import { InvalidMediaCursorError, listMedia, type MediaPage } from '@/lib/media/store';
import { siteConfig } from '@/lib/site/config';
import { requireLocale } from '@/lib/site/params';
import { deskPageMetadata } from '../page-metadata';

// Behind a session: rendered per request, never cached, kept out of search engines.
export const dynamic = 'force-dynamic';

export const generateMetadata = deskPageMetadata('DeskMedia');

export default async function Page({ params, searchParams }: PageProps<'/[locale]/desk/media'>) {
  const locale = requireLocale((await params).locale);
  const path = deskRoutePath(locale, '/desk/media');
  const session = await requireEditor(locale, path);
  if (!can(session.user.role, 'articles.edit')) notFound();
  const rawCursor = (await searchParams).cursor;
  if (Array.isArray(rawCursor)) notFound();
  let page: MediaPage;
  try {
    page = await listMedia(await getDatabase(), { cursor: rawCursor ?? null });
  } catch (error) {
    if (error instanceof InvalidMediaCursorError) notFound();
    throw error;
  }
  return (
    <DeskShell locale={locale} user={session.user} current="media" pagePath={path}>
      <MediaLibrary
        locale={locale}
        page={page}
        timeZone={siteConfig.timeZone}
        now={new Date()}
        olderHref={page.nextCursor === null ? null : `${path}?cursor=${encodeURIComponent(page.nextCursor)}`}
        newestHref={rawCursor === undefined ? null : path}
      />
    </DeskShell>
  );
}
