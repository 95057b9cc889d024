import { getTranslations } from 'next-intl/server';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/password';
import type { Locale } from '@/lib/i18n/locales';
import type { AdminFormAction } from './admin/admin-form-state';
import { AdminForm } from './admin/AdminForm.client';
import styles from './admin/admin.module.css';

/**
 * The password page's content: what changing it does, and the form (current password, the new one
 * twice). `forced`: the user signed in with a one-time password and must replace it first.
 */
export async function PasswordChange({
  locale,
  pagePath,
  forced,
  action,
}: {
  locale: Locale;
  pagePath: string;
  forced: boolean;
  action: AdminFormAction;
}) {
  const t = await getTranslations({ locale, namespace: 'DeskPassword' });
  const shared = await getTranslations({ locale, namespace: 'DeskAdmin' });
  const secret = { type: 'password' as const, required: true, maxLength: PASSWORD_MAX_LENGTH };
  return (
    <section className={styles.page} aria-labelledby="desk-password-title">
      <h1 id="desk-password-title">{t('title')}</h1>
      <p>{forced ? t('forcedIntro') : t('intro')}</p>
      <AdminForm
        id="password-change"
        pagePath={pagePath}
        action={action}
        summaryTitle={shared('summaryTitle')}
        submitLabel={t('submit')}
        fields={[
          { ...secret, name: 'currentPassword', label: forced ? t('currentPasswordForced') : t('currentPassword'), autoComplete: 'current-password' },
          { ...secret, name: 'newPassword', label: t('newPassword'), hint: t('newPasswordHint', { min: PASSWORD_MIN_LENGTH }), autoComplete: 'new-password' },
          { ...secret, name: 'confirmPassword', label: t('confirmPassword'), autoComplete: 'new-password' },
        ]}
      />
    </section>
  );
}
