import { sql, type Kysely, type Migration } from 'kysely';
import { engineTypes, type Engine } from './engine-types';

/**
 * The editor desk's accounts (lib/auth/): users, server-side sessions and sign-in throttling.
 *
 * - `users.email` is stored lowercased by lib/auth/users.ts, so the unique constraint is
 *   case-insensitive in effect on both engines without engine-specific collations.
 * - `sessions.id` is the SHA-256 (hex) of the cookie's token; the token itself is never stored, so
 *   a leaked table or backup cannot be replayed as cookies. Sessions go with their user (cascade).
 * - `sign_in_attempts` holds one fixed-window failure counter per key (`account:<email>`,
 *   `address:<ip>`), in the database so that every instance sees the same counts.
 */
export function accounts(engine: Engine): Migration {
  const { timestamp, key, table: createTable } = engineTypes(engine);

  return {
    async up(db: Kysely<unknown>) {
      const table = (name: string) => createTable(db, name);

      await table('users')
        .addColumn('id', key, (col) => col.primaryKey())
        .addColumn('email', key, (col) => col.notNull())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('role', 'text', (col) => col.notNull().check(sql`role in ('editor', 'admin')`))
        .addColumn('password_hash', 'text', (col) => col.notNull())
        .addColumn('created_at', timestamp, (col) => col.notNull())
        .addColumn('updated_at', timestamp, (col) => col.notNull())
        .addUniqueConstraint('users_email_key', ['email'])
        .execute();

      await table('sessions')
        .addColumn('id', key, (col) => col.primaryKey())
        .addColumn('user_id', key, (col) => col.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', timestamp, (col) => col.notNull())
        .addColumn('last_seen_at', timestamp, (col) => col.notNull())
        .addColumn('expires_at', timestamp, (col) => col.notNull())
        .addColumn('ip', 'text')
        .addColumn('user_agent', 'text')
        .execute();
      await db.schema.createIndex('sessions_user_idx').on('sessions').columns(['user_id']).execute();
      await db.schema.createIndex('sessions_expires_idx').on('sessions').columns(['expires_at']).execute();

      await table('sign_in_attempts')
        .addColumn('key', key, (col) => col.primaryKey())
        .addColumn('window_start', timestamp, (col) => col.notNull())
        .addColumn('failures', 'integer', (col) => col.notNull())
        .execute();
    },
  };
}
