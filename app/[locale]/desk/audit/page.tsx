import { AuditLog } from '@/components/desk/AuditLog';
import { DeskShell } from '@/components/desk/DeskShell';
import { listAuditEvents } from '@/lib/auth/audit';
import { auditPath } from '@/lib/auth/desk-paths';
import { getDatabase } from '@/lib/db/connection';
import { auditListHref, parseAuditListParams } from '@/lib/desk/audit-params';
import { requireAdminPage } from '@/lib/desk/guard';
import { requireLocale } from '@/lib/site/params';
import { deskPageMetadata } from '../page-metadata';

// Admins only, behind a session: rendered per request, never cached, kept out of search engines.
export const dynamic = 'force-dynamic';

const PAGE_SIZE = 50;

export const generateMetadata = deskPageMetadata('DeskAudit');

/** The audit trail, newest first, filtered by user and event type, paged by key. */
export default async function Page({ params, searchParams }: PageProps<'/[locale]/desk/audit'>) {
  const locale = requireLocale((await params).locale);
  const base = auditPath(locale);
  const { filters, cursor, badCursor, badEmail } = parseAuditListParams(await searchParams);
  const session = await requireAdminPage(locale, auditListHref(base, filters, cursor), 'audit.read');
  const page = await listAuditEvents(await getDatabase(), { email: filters.email, type: filters.type, cursor, limit: PAGE_SIZE });
  return (
    <DeskShell locale={locale} user={session.user} current="audit" pagePath={base}>
      <AuditLog locale={locale} base={base} page={page} filters={filters} paged={cursor !== null} badCursor={badCursor} badEmail={badEmail} />
    </DeskShell>
  );
}
