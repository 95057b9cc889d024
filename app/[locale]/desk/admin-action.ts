/**
 * The start every admin screen's Server Action shares: the locale it was bound to, the submitted
 * fields, then origin, session and permission (lib/desk/guard.ts). A refused request answers the
 * form with everything that was typed; an allowed one runs with the session and the database.
 */
import type { AdminFormState } from '@/components/desk/admin/admin-form-state';
import { formValues, refusedState } from '@/components/desk/admin/admin-messages';
import type { Permission } from '@/lib/auth/roles';
import type { ValidSession } from '@/lib/auth/sessions';
import { getDatabase, type Database } from '@/lib/db/connection';
import { actionLocale, guardDeskAction } from '@/lib/desk/guard';
import type { Locale } from '@/lib/i18n/locales';

export interface AdminRequest {
  locale: Locale;
  /** The submitted text fields, as typed. */
  values: Record<string, string>;
  session: ValidSession;
  database: Database;
}

export async function runAdminAction(
  rawLocale: string,
  form: FormData,
  fields: readonly string[],
  permission: Permission,
  run: (request: AdminRequest) => Promise<AdminFormState>,
): Promise<AdminFormState> {
  const locale = actionLocale(rawLocale);
  const values = formValues(form, fields);
  const guard = await guardDeskAction(permission);
  if (!guard.ok) return refusedState(locale, guard.reason, values);
  return run({ locale, values, session: guard.session, database: await getDatabase() });
}
