import { getTranslations } from 'next-intl/server';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/password';
import { ROLES } from '@/lib/auth/roles';
import type { User } from '@/lib/auth/users';
import { dateOnly } from '@/lib/dates/format';
import type { Locale } from '@/lib/i18n/locales';
import { USER_NAME_MAX } from '@/lib/desk/admin/users';
import type { AdminFormAction } from './admin-form-state';
import { AdminForm } from './AdminForm.client';
import { DeskTable } from '../DeskTable';
import styles from './admin.module.css';

export interface UsersAdminActions {
  add: AdminFormAction;
  changeRole: AdminFormAction;
  resetPassword: AdminFormAction;
  remove: AdminFormAction;
}

/** Every account with its role (changeable), a password reset and removal, except for the admin's own; then the add form. */
export async function UsersAdmin({
  locale,
  pagePath,
  users,
  currentUserId,
  timeZone,
  actions,
}: {
  locale: Locale;
  /** The page's own path, where its forms post before JavaScript has loaded. */
  pagePath: string;
  users: User[];
  currentUserId: string;
  timeZone: string;
  actions: UsersAdminActions;
}) {
  const t = await getTranslations({ locale, namespace: 'DeskAdminUsers' });
  const shared = await getTranslations({ locale, namespace: 'DeskAdmin' });
  const summaryTitle = shared('summaryTitle');
  const roleOptions = ROLES.map((role) => ({ value: role, label: t('roleName', { role }) }));
  return (
    <section className={styles.page} aria-labelledby="desk-users-title">
      <h1 id="desk-users-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      <DeskTable columns={[t('columns.name'), t('columns.email'), t('columns.role'), t('columns.since'), t('columns.actions')]}>
        {users.map((user) => {
          const own = user.id === currentUserId;
          const hidden = { name: 'userId', label: '', type: 'hidden' as const, value: user.id };
          return (
            <tr key={user.id}>
              <th scope="row">
                {user.name}
                {own ? <span className={styles.muted}> {t('you')}</span> : null}
              </th>
              <td>{user.email}</td>
              <td>{t('roleName', { role: user.role })}</td>
              <td>
                <time dateTime={user.createdAt}>{dateOnly(user.createdAt, locale, timeZone)}</time>
              </td>
              <td>
                <div className={styles.actions}>
                  {own ? (
                    <span className={styles.muted}>{t('ownAccount')}</span>
                  ) : (
                    <>
                      <AdminForm
                        id={`user-${user.id}-role`}
                        pagePath={pagePath}
                        action={actions.changeRole}
                        inline
                        summaryTitle={summaryTitle}
                        submitLabel={t('saveRole')}
                        fields={[hidden, { name: 'role', label: t('roleLabel', { name: user.name }), type: 'select', value: user.role, options: roleOptions, hideLabel: true }]}
                      />
                      <AdminForm
                        id={`user-${user.id}-reset`}
                        pagePath={pagePath}
                        action={actions.resetPassword}
                        inline
                        summaryTitle={summaryTitle}
                        submitLabel={t('resetPassword', { name: user.name })}
                        fields={[hidden]}
                      />
                      <AdminForm
                        id={`user-${user.id}-remove`}
                        pagePath={pagePath}
                        action={actions.remove}
                        inline
                        danger
                        summaryTitle={summaryTitle}
                        submitLabel={t('remove', { name: user.name })}
                        fields={[hidden]}
                      />
                    </>
                  )}
                </div>
              </td>
            </tr>
          );
        })}
      </DeskTable>
      <h2>{t('addHeading')}</h2>
      <AdminForm
        id="user-add"
        pagePath={pagePath}
        action={actions.add}
        summaryTitle={summaryTitle}
        submitLabel={t('add')}
        fields={[
          { name: 'email', label: t('fields.email'), type: 'email', required: true, maxLength: 254, autoComplete: 'off' },
          { name: 'name', label: t('fields.name'), type: 'text', required: true, maxLength: USER_NAME_MAX, autoComplete: 'off' },
          { name: 'role', label: t('fields.role'), type: 'select', value: 'editor', options: roleOptions },
          {
            name: 'password',
            label: t('fields.password'),
            type: 'password',
            hint: t('passwordHint', { min: PASSWORD_MIN_LENGTH }),
            maxLength: PASSWORD_MAX_LENGTH,
            autoComplete: 'new-password',
          },
        ]}
      />
    </section>
  );
}
