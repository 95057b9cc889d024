import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DeskShell } from '@/components/desk/DeskShell';
import { AuthorsAdmin } from '@/components/desk/admin/AuthorsAdmin';
import { listAuthorsForAdmin } from '@/lib/desk/admin/authors';
import { requireAdminPage } from '@/lib/desk/guard';
import { deskRoutePath } from '@/lib/auth/desk-paths';
import { getDatabase } from '@/lib/db/connection';
import { requireLocale } from '@/lib/site/params';
import { addAuthorAction, removeAuthorAction, updateAuthorAction } from './actions';

// Admins only, behind a session: rendered per request, never cached, kept out of search engines.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/desk/authors'>): Promise<Metadata> {
  const locale = requireLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'DeskAdminAuthors' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

export default async function Page({ params }: PageProps<'/[locale]/desk/authors'>) {
  const locale = requireLocale((await params).locale);
  const pagePath = deskRoutePath(locale, '/desk/authors');
  const session = await requireAdminPage(locale, pagePath, 'authors.manage');
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
