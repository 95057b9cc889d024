/**
 * Query plans for the query-plan tests, one reader per engine.
 *
 * - SQLite: the `detail` lines of EXPLAIN QUERY PLAN.
 * - PostgreSQL: the JSON plan's nodes, flattened, with sequential scans, bitmap scans and sorts
 *   priced out (`enable_* = off` only adds cost, so a plan that needs one still shows it).
 */
import { CompiledQuery, sql } from 'kysely';
import type { Database } from '@/lib/db/connection';

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

const flatten = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(flatten)];

export async function sqlitePlan(database: Database, query: CompiledQuery<unknown>): Promise<string[]> {
  const result = await database.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]));
  return result.rows.map((row) => row.detail);
}

export async function postgresPlan(database: Database, query: CompiledQuery<unknown>): Promise<PlanNode[]> {
  return database.db.transaction().execute(async (trx) => {
    await sql`set local enable_seqscan = off`.execute(trx);
    await sql`set local enable_bitmapscan = off`.execute(trx);
    await sql`set local enable_sort = off`.execute(trx);
    const result = await trx.executeQuery<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
      CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]),
    );
    const root = result.rows[0]?.['QUERY PLAN'][0]?.Plan;
    if (root === undefined) throw new Error('EXPLAIN returned no plan');
    return flatten(root);
  });
}
