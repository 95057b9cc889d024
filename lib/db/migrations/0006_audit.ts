import { sql, type Kysely, type Migration } from 'kysely';
import { engineTypes, type Engine } from './engine-types';

/**
 * The audit trail and account recovery (issue 22).
 *
 * - `audit_events`: one row per security event (lib/auth/audit.ts). Append-only. The admin screen
 *   reads it newest first, by key on `id` (never OFFSET), optionally filtered by event type or by
 *   an account's email, as actor or as subject; each filter has an index whose leading column is
 *   its equality, then `id`. Emails are copied, not referenced: the trail must outlive the
 *   accounts it names. `id` is AUTOINCREMENT in SQLite, an identity in PostgreSQL.
 * - `users.password_change_required`: 1 after an admin reset, until the user picks their own
 *   password; such a session can do nothing but change it (lib/auth/request-session.ts).
 * - `users.password_expires_at`: when a one-time password stops working (null: never).
 */
export function audit(engine: Engine): Migration {
  const { isPostgres, timestamp } = engineTypes(engine);

  return {
    async up(db: Kysely<unknown>) {
      if (isPostgres) {
        await sql`create table audit_events (
            id bigint generated always as identity primary key,
            created_at bigint not null,
            type text not null,
            actor_id text,
            actor_email text collate "C",
            subject_id text,
            subject_email text collate "C",
            article_id text,
            address text,
            details text not null
          )`.execute(db);
      } else {
        await sql`create table audit_events (
            id integer primary key autoincrement,
            created_at integer not null,
            type text not null,
            actor_id text,
            actor_email text,
            subject_id text,
            subject_email text,
            article_id text,
            address text,
            details text not null
          ) strict`.execute(db);
      }
      const indexes: Array<[name: string, columns: string[]]> = [
        ['audit_events_type_idx', ['type', 'id']],
        ['audit_events_actor_idx', ['actor_email', 'id']],
        ['audit_events_subject_idx', ['subject_email', 'id']],
      ];
      for (const [name, columns] of indexes) {
        await db.schema.createIndex(name).on('audit_events').columns(columns).execute();
      }

      await db.schema
        .alterTable('users')
        .addColumn('password_change_required', 'integer', (col) =>
          col.notNull().defaultTo(0).check(sql`password_change_required in (0, 1)`),
        )
        .execute();
      await db.schema.alterTable('users').addColumn('password_expires_at', timestamp).execute();
    },
  };
}
