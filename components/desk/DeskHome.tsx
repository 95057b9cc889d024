import { getTranslations } from 'next-intl/server';
import type { SessionUser } from '@/lib/auth/sessions';
import type { Locale } from '@/lib/i18n/locales';
import { SignOutForm } from './SignOutForm';
import styles from './desk.module.css';

/** The desk's start page: who is signed in and with which role. The article list is the next part. */
export async function DeskHome({ locale, user, signOut }: { locale: Locale; user: SessionUser; signOut: () => Promise<void> }) {
  const t = await getTranslations({ locale, namespace: 'DeskHome' });
  return (
    <section className={styles.desk} aria-labelledby="desk-title">
      <h1 id="desk-title">{t('title')}</h1>
      <p>{t('signedInAs', { name: user.name, email: user.email })}</p>
      <p>{t('role', { role: user.role })}</p>
      <p className={styles.note}>{t('comingNext')}</p>
      <SignOutForm locale={locale} action={signOut} />
    </section>
  );
}
