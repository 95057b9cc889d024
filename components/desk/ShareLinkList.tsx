import { getTranslations } from 'next-intl/server';
import type { ShareLinkRecord } from '@/lib/data/share-links';
import { cardTime, isoInstant } from '@/lib/dates/format';
import type { Locale } from '@/lib/i18n/locales';
import { siteConfig } from '@/lib/site/config';
import layoutStyles from '@/components/layout/layout.module.css';
import styles from './deskPages.module.css';

/**
 * The article's share links that still open: who made each and until when it works, with a form
 * to revoke one and one to revoke them all. Plain forms posting to a Server Action, so revoking
 * works before (or without) JavaScript. The links themselves are not shown again: only their
 * makers had them, and the list holds no token.
 */
export async function ShareLinkList({
  locale,
  links,
  now,
  revokeAction,
}: {
  locale: Locale;
  links: readonly ShareLinkRecord[];
  now: Date;
  revokeAction: (form: FormData) => Promise<void>;
}) {
  const t = await getTranslations({ locale, namespace: 'DeskShareLinks' });
  const time = (iso: string) => cardTime(iso, now, locale, siteConfig.timeZone);

  return (
    <section aria-labelledby="share-links-title">
      <h2 id="share-links-title">{t('title')}</h2>
      {links.length === 0 ? (
        <p className={styles.hint}>{t('none')}</p>
      ) : (
        <>
          <p className={styles.hint}>{t('count', { count: links.length })}</p>
          <ul className={styles.shareLinks}>
            {links.map((link) => {
              const maker = link.createdByName ?? t('commandLine');
              const expires = time(link.expiresAt);
              return (
                <li key={link.id}>
                  <p>
                    {t('madeBy', { name: maker })}{' '}
                    <time dateTime={isoInstant(link.createdAt)}>{t('madeAt', { time: time(link.createdAt) })}</time>
                    <br />
                    <time dateTime={isoInstant(link.expiresAt)}>{t('expires', { time: expires })}</time>
                  </p>
                  <form action={revokeAction} className={styles.inline}>
                    <input type="hidden" name="link" value={link.id} />
                    <button type="submit" className={styles.secondary}>
                      {t('revoke')}
                      <span className={layoutStyles.visuallyHidden}>{t('revokeWhich', { name: maker, time: expires })}</span>
                    </button>
                  </form>
                </li>
              );
            })}
          </ul>
          <form action={revokeAction} className={styles.inline}>
            <input type="hidden" name="scope" value="all" />
            <button type="submit" className={styles.danger}>
              {t('revokeAll', { count: links.length })}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
