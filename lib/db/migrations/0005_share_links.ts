import { sql, type Kysely, type Migration } from 'kysely';
import { engineTypes, type Engine } from './engine-types';

/**
 * Revocable share links (issue 22): `share_links` records every link the desk or the CLI makes,
 * by the SHA-256 of its token (never the token), with who made it and when it expires. A signed
 * link opens only while its row is there and not revoked, so a link can be withdrawn one by one,
 * all at once, and automatically when its article is taken down. Rows go with their article.
 * The desk lists an article's active links through `share_links_article_idx`.
 */
export function shareLinks(engine: Engine): Migration {
  const { timestamp, key, table: createTable } = engineTypes(engine);

  return {
    async up(db: Kysely<unknown>) {
      await createTable(db, 'share_links')
        .addColumn('token_hash', key, (col) => col.primaryKey().check(sql`length(token_hash) = 64`))
        .addColumn('article_id', key, (col) => col.notNull().references('articles.id').onDelete('cascade'))
        .addColumn('created_at', timestamp, (col) => col.notNull())
        .addColumn('expires_at', timestamp, (col) => col.notNull())
        .addColumn('created_by_id', 'text')
        .addColumn('created_by_name', 'text')
        .addColumn('revoked_at', timestamp)
        .addColumn('revoked_by_name', 'text')
        .addColumn('revoke_reason', 'text', (col) => col.check(sql`revoke_reason in ('revoked', 'taken-down')`))
        .execute();
      await db.schema.createIndex('share_links_article_idx').on('share_links').columns(['article_id', 'expires_at']).execute();
    },
  };
}
