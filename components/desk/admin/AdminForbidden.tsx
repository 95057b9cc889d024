import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { deskPath } from '@/lib/auth/desk-paths';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';
import styles from './admin.module.css';

/**
 * The 403 page of the admin screens: what happened, and the way back to the desk. `segment` is the
 * URL's locale segment when the caller has it; otherwise next-intl's request locale is used.
 */
export async function AdminForbidden({ segment }: { segment?: string }) {
  const current = segment ?? (await getLocale());
  const locale = isLocale(current) ? current : defaultLocale;
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
