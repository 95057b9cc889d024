import { DeskShell } from '@/components/desk/DeskShell';
import { SectionsAdmin } from '@/components/desk/admin/SectionsAdmin';
import { listSectionsForAdmin } from '@/lib/desk/admin/sections';
import { getDatabase } from '@/lib/db/connection';
import { requireAdminScreen } from '@/lib/desk/guard';
import { requireLocale } from '@/lib/site/params';
import { deskPageMetadata } from '../page-metadata';
import { addSectionAction, moveSectionAction, removeSectionAction, renameSectionAction } from './actions';

// Admins only, behind a session: rendered per request, never cached, kept out of search engines.
export const dynamic = 'force-dynamic';

export const generateMetadata = deskPageMetadata('DeskAdminSections');

export default async function Page({ params }: PageProps<'/[locale]/desk/sections'>) {
  const locale = requireLocale((await params).locale);
  const { pagePath, session } = await requireAdminScreen(locale, '/desk/sections', 'sections.manage');
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
