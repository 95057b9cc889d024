import { getTranslations } from 'next-intl/server';
import { AUDIT_EVENT_TYPES, isAuditEventType, type AuditEntry, type AuditPage } from '@/lib/auth/audit';
import { auditTime, isoInstant } from '@/lib/dates/format';
import { auditListHref, type AuditFilters } from '@/lib/desk/audit-params';
import type { Locale } from '@/lib/i18n/locales';
import { siteConfig } from '@/lib/site/config';
import { DeskTable } from './DeskTable';
import { KeyPagination } from './KeyPagination';
import styles from './deskPages.module.css';

interface AuditLogProps {
  locale: Locale;
  /** The page's own path, where the filter form submits (GET). */
  base: string;
  page: AuditPage;
  filters: AuditFilters;
  paged: boolean;
  badCursor: boolean;
  badEmail: boolean;
}

/**
 * The audit log for admins: a GET filter form (user, event type; shareable URLs, no JavaScript),
 * the events newest first, and links to older pages by key. Every value shown comes from the
 * table as text; React escapes it, so a crafted email or article id renders inert.
 */
export async function AuditLog({ locale, base, page, filters, paged, badCursor, badEmail }: AuditLogProps) {
  const t = await getTranslations({ locale, namespace: 'DeskAudit' });
  const typeName = (type: string) => (isAuditEventType(type) ? t(`types.${type}`) : type);
  // An account with an email links to the log filtered by it; the event, to the log filtered by
  // its type. Besides being handy, the links make the table reachable by keyboard when it scrolls
  // sideways on a phone.
  const account = (who: AuditEntry['actor']) => {
    if (who === null) return t('system');
    if (who.email === null) return who.id ?? t('none');
    return <a href={auditListHref(base, { email: who.email, type: filters.type })}>{who.email}</a>;
  };
  const details = (entry: AuditEntry) =>
    Object.entries(entry.details)
      .map(([key, value]) => `${key}: ${String(value)}`)
      .join(', ') || t('none');
  const filtered = filters.email !== null || filters.type !== null;

  return (
    <section aria-labelledby="desk-audit-title">
      <h1 id="desk-audit-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      {badCursor ? (
        <p role="status" className={styles.notice}>
          {t('badCursor')}
        </p>
      ) : null}
      {badEmail ? (
        <p role="status" className={styles.notice}>
          {t('badEmail')}
        </p>
      ) : null}
      <form method="get" action={base} className={styles.filters} role="search" aria-label={t('filtersLabel')}>
        <div className={styles.filterField}>
          <label htmlFor="audit-filter-user">{t('email')}</label>
          <input id="audit-filter-user" name="user" type="search" defaultValue={filters.email ?? ''} maxLength={254} autoComplete="off" />
        </div>
        <div className={styles.filterField}>
          <label htmlFor="audit-filter-event">{t('type')}</label>
          <select id="audit-filter-event" name="event" defaultValue={filters.type ?? ''}>
            <option value="">{t('anyType')}</option>
            {AUDIT_EVENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {typeName(type)}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.filterActions}>
          <button type="submit">{t('apply')}</button>
          {filtered ? <a href={base}>{t('clear')}</a> : null}
        </div>
      </form>

      {page.entries.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <DeskTable
          caption={t('tableCaption')}
          columns={[t('columns.at'), t('columns.event'), t('columns.actor'), t('columns.subject'), t('columns.article'), t('columns.address'), t('columns.details')]}
        >
          {page.entries.map((entry) => (
            <tr key={entry.id}>
              <td>
                <time dateTime={isoInstant(entry.at)}>{auditTime(entry.at, locale, siteConfig.timeZone)}</time>
              </td>
              <th scope="row">
                {isAuditEventType(entry.type) ? <a href={auditListHref(base, { email: filters.email, type: entry.type })}>{typeName(entry.type)}</a> : entry.type}
              </th>
              <td>{account(entry.actor)}</td>
              <td>{entry.subject === null ? t('none') : account(entry.subject)}</td>
              <td>{entry.articleId ?? t('none')}</td>
              <td>{entry.address ?? t('none')}</td>
              <td>{details(entry)}</td>
            </tr>
          ))}
        </DeskTable>
      )}

      <KeyPagination
        label={t('pagination')}
        newestHref={paged ? auditListHref(base, filters) : null}
        newestText={t('newest')}
        olderHref={page.next ? auditListHref(base, filters, page.next) : null}
        olderText={t('older')}
      />
    </section>
  );
}
