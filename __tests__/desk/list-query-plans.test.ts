/**
 * The desk list is served by an index in its keyset order (edited_at DESC, id DESC) for every
 * filter: the engine reads rows already sorted and stops after the page, whatever the number of
 * articles. Same method as ../data/query-plans.test.ts:
 *
 * - SQLite: no `USE TEMP B-TREE` (a sort) and no plain `SCAN articles` (a table scan without an
 *   index); the articles are read through one of the desk indexes of migration 0003_desk.
 * - PostgreSQL: with sequential scans, bitmap scans and sorts priced out, no Seq Scan of articles
 *   and no Sort node remain, and a desk index is the one used. Which one is the planner's call:
 *   when a filter keeps a large share of the rows (half the generated articles are in one
 *   section), reading the unfiltered desk index in order and filtering is as good, and it may pick that.
 *
 * Checked on 600 generated articles after ANALYZE, so the planner knows the data.
 */
import { CompiledQuery, sql } from 'kysely';
import { deskPageQuery, type DeskListOptions } from '@/lib/desk/articles/list';
import type { ListingKey } from '@/lib/data/cursor';
import { instant } from '@/lib/data/visibility';
import type { Database } from '@/lib/db/connection';
import { FIXTURE_NOW, generatedListing } from '../fixtures/content';
import { describeEachEngine } from '../data/engines';
import { postgresPlan, sqlitePlan } from '../data/plans';
import { useContentDatabase } from '../data/helpers';

const FILTERS: Array<[string, DeskListOptions, string]> = [
  ['everything', {}, 'articles_desk_idx'],
  ['one locale', { locale: 'nl' }, 'articles_desk_locale_idx'],
  ['drafts', { status: 'draft' }, 'articles_desk_status_idx'],
  ['published', { status: 'published' }, 'articles_desk_'],
  ['scheduled', { status: 'scheduled' }, 'articles_desk_'],
  ['one section', { section: 'voetbal' }, 'articles_desk_section_idx'],
  ['a section in a locale', { locale: 'nl', section: 'voetbal' }, 'articles_desk_'],
  ['a search', { query: 'ajax' }, 'articles_desk_'],
];

const after: ListingKey = { publishedAt: FIXTURE_NOW.getTime() - 300 * 60_000, id: 'gen-300' };

function queries(database: Database, options: DeskListOptions): Array<[string, CompiledQuery<unknown>]> {
  const now = instant(FIXTURE_NOW);
  return [
    ['first page', deskPageQuery(database.db, options, now, null, 26).compile()],
    ['page after a cursor', deskPageQuery(database.db, options, now, after, 26).compile()],
  ];
}

describeEachEngine('desk list query plans', (harness) => {
  const database = useContentDatabase(harness, generatedListing(600, 40));
  beforeAll(async () => {
    // Imports stamp every article with the same edit time; a desk's articles are edited at different times.
    await sql`update articles set edited_at = edited_at - seq * 60000`.execute(database().db);
    await sql`analyze`.execute(database().db);
  });

  it.each(FILTERS)('the desk list of %s reads an index in order, without a sort', async (_name, options, index) => {
    for (const [shape, query] of queries(database(), options)) {
      if (harness.engine === 'sqlite') {
        const plan = await sqlitePlan(database(), query);
        const context = `${shape}:\n${plan.join('\n')}`;
        expect({ context, tableScans: plan.filter((line) => /^SCAN [a-z_]+$/.test(line)) }).toEqual({ context, tableScans: [] });
        expect({ context, sorts: plan.filter((line) => line.includes('TEMP B-TREE')) }).toEqual({ context, sorts: [] });
        expect({ context, usesIndex: plan.some((line) => / articles USING (COVERING )?INDEX /.test(line) && line.includes(index)) }).toEqual({
          context,
          usesIndex: true,
        });
      } else {
        const plan = await postgresPlan(database(), query);
        const context = `${shape}: ${plan.map((node) => `${node['Node Type']}(${node['Index Name'] ?? node['Relation Name'] ?? ''})`).join(' → ')}`;
        expect({ context, seqScans: plan.filter((node) => node['Node Type'] === 'Seq Scan') }).toEqual({
          context,
          seqScans: [],
        });
        expect({ context, sorts: plan.filter((node) => node['Node Type'].includes('Sort')) }).toEqual({ context, sorts: [] });
        expect({ context, usesIndex: plan.some((node) => node['Index Name']?.startsWith('articles_desk_') === true) }).toEqual({ context, usesIndex: true });
      }
    }
  });
});
