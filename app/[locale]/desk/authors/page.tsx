import { DeskShell } from '@/components/desk/DeskShell';
import { AuthorsAdmin } from '@/components/desk/admin/AuthorsAdmin';
import { listAuthorsForAdmin } from '@/lib/desk/admin/authors';
import { getDatabase } from '@/lib/db/connection';
import { requireAdminScreen } from '@/lib/desk/guard';
import { requireLocale } from '@/lib/site/params';
import { deskPageMetadata } from '../page-metadata';
import { addAuthorAction, removeAuthorAction, updateAuthorAction } from './actions';

// Admins only, behind a session: rendered per request, never cached, kept out of search engines.
export const dynamic = 'force-dynamic';

export const generateMetadata = deskPageMetadata('DeskAdminAuthors');

export default async function Page({ params }: PageProps<'/[locale]/desk/authors'>) {
  const locale = requireLocale((await params).locale);
  const { pagePath, session } = await requireAdminScreen(locale, '/desk/authors', 'authors.manage');
  const authors = await listAuthorsForAdmin(await getDatabase());
  return (
    <DeskShell locale={locale} user={session.user} current="authors" pagePath={pagePath}>
      <AuthorsAdmin
        locale={locale}
        pagePath={pagePath}
        authors={authors}
        actions={{
          add: addAuthorAction.bind(null, locale),
          update: updateAuthorAction.bind(null, locale),
          remove: removeAuthorAction.bind(null, locale),
        }}
      />
    </DeskShell>
  );
}
