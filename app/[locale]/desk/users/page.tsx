import { DeskShell } from '@/components/desk/DeskShell';
import { UsersAdmin } from '@/components/desk/admin/UsersAdmin';
import { listUsers } from '@/lib/auth/users';
import { getDatabase } from '@/lib/db/connection';
import { requireAdminScreen } from '@/lib/desk/guard';
import { siteConfig } from '@/lib/site/config';
import { requireLocale } from '@/lib/site/params';
import { deskPageMetadata } from '../page-metadata';
import { addUserAction, changeRoleAction, removeUserAction, resetPasswordAction } from './actions';

// Admins only, behind a session: rendered per request, never cached, kept out of search engines.
export const dynamic = 'force-dynamic';

export const generateMetadata = deskPageMetadata('DeskAdminUsers');

export default async function Page({ params }: PageProps<'/[locale]/desk/users'>) {
  const locale = requireLocale((await params).locale);
  const { pagePath, session } = await requireAdminScreen(locale, '/desk/users', 'users.manage');
  const users = await listUsers(await getDatabase());
  return (
    <DeskShell locale={locale} user={session.user} current="users" pagePath={pagePath}>
      <UsersAdmin
        locale={locale}
        pagePath={pagePath}
        users={users}
        currentUserId={session.user.id}
        timeZone={siteConfig.timeZone}
        actions={{
          add: addUserAction.bind(null, locale),
          changeRole: changeRoleAction.bind(null, locale),
          resetPassword: resetPasswordAction.bind(null, locale),
          remove: removeUserAction.bind(null, locale),
        }}
      />
    </DeskShell>
  );
}
