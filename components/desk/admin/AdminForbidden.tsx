import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { deskPath } from '@/lib/auth/desk-paths';
import { isLocale } from '@/lib/i18n/locales';
import styles from './admin.module.css';

/** The 403 page of the admin screens: what happened, and the way back to the desk. */
export async function AdminForbidden() {
  const current = await getLocale();
  const locale = isLocale(current) ? current : 'nl';
  const t = await getTranslations({ locale, namespace: 'DeskAdmin' });
  return (
    <section className={styles.page} aria-labelledby="desk-forbidden-title">
      <h1 id="desk-forbidden-title">{t('forbiddenTitle')}</h1>
      <p>{t('forbiddenText')}</p>
      <p>
        <Link href={deskPath(locale)} prefetch={false}>
          {t('backToDesk')}
        </Link>
      </p>
    </section>
  );
}
