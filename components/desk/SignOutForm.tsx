import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import styles from './desk.module.css';

/** Sign-out is a POST (a Server Action), never a link a prefetch or a crawler could follow. */
export async function SignOutForm({ locale, action }: { locale: Locale; action: () => Promise<void> }) {
  const t = await getTranslations({ locale, namespace: 'DeskShell' });
  return (
    <form action={action} className={styles.signOut}>
      <button type="submit">{t('signOut')}</button>
    </form>
  );
}
