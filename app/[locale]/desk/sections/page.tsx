import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { DeskShell } from '@/components/desk/DeskShell';
import { SectionsAdmin } from '@/components/desk/admin/SectionsAdmin';
import { requireAdminPage } from '@/lib/desk/guard';
import { listSectionsForAdmin } from '@/lib/desk/admin/sections';
import { deskRoutePath } from '@/lib/auth/desk-paths';
import { getDatabase } from '@/lib/db/connection';
import { requireLocale } from '@/lib/site/params';
import { addSectionAction, moveSectionAction, removeSectionAction, renameSectionAction } from './actions';

// Admins only, behind a session: rendered per request, never cached, kept out of search engines.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: PageProps<'/[locale]/desk/sections'>): Promise<Metadata> {
  const locale = requireLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: 'DeskAdminSections' });
  return { title: t('title'), robots: { index: false, follow: false } };
}

export default async function Page({ params }: PageProps<'/[locale]/desk/sections'>) {
  const locale = requireLocale((await params).locale);
  const pagePath = deskRoutePath(locale, '/desk/sections');
  const session = await requireAdminPage(locale, pagePath, 'sections.manage');
  const database = await getDatabase();
  const [nl, en] = await Promise.all([listSectionsForAdmin(database, 'nl'), listSectionsForAdmin(database, 'en')]);
  return (
    <DeskShell locale={locale} user={session.user} current="sections" pagePath={pagePath}>
      <SectionsAdmin
        locale={locale}
        pagePath={pagePath}
        sections={{ nl, en }}
        actions={{
          add: addSectionAction.bind(null, locale),
          rename: renameSectionAction.bind(null, locale),
          move: moveSectionAction.bind(null, locale),
          remove: removeSectionAction.bind(null, locale),
        }}
      />
    </DeskShell>
  );
}
