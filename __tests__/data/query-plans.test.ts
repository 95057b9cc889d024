/**
 * Every listing query is served by an index in keyset order: the engine seeks into the index and
 * reads rows already sorted, with no full scan of a table and no sort step.
 *
 * - SQLite: EXPLAIN QUERY PLAN has no `SCAN <table>` line (a SEARCH seeks with the index) and no
 *   `USE TEMP B-TREE` (a sort); the listing's own index is the one used.
 * - PostgreSQL: with sequential scans, bitmap scans and sorts priced out (`enable_* = off` only
 *   adds cost, so a plan that needs one still shows it), the plan has neither a Seq Scan of a
 *   listing table nor a Sort node: an ordered index scan exists for it.
 *
 * Plans are checked twice: on the small fixture right after the migration (no statistics, as a new
 * site starts), and on 600 generated articles after ANALYZE (the planner then knows the data, and
 * PostgreSQL must pick the listing's own index, not merely some index).
 */
import { CompiledQuery, sql } from 'kysely';
import { encodeCursor, decodeCursor } from '@/lib/data/cursor';
import { listingSource, type ListingFilter } from '@/lib/data/listing';
import type { Database } from '@/lib/db/connection';
import { FIXTURE_NOW, generatedListing } from '../fixtures/content';
import { describeEachEngine } from './engines';
import { postgresPlan, sqlitePlan } from './plans';
import { useContentDatabase } from './helpers';

const LISTINGS: Array<[string, ListingFilter, string]> = [
  ['home / latest', { locale: 'nl' }, 'articles_latest_idx'],
  ['section', { locale: 'nl', section: 'voetbal' }, 'articles_section_idx'],
  ['tag', { locale: 'nl', tag: 'ajax' }, 'article_tags_listing_idx'],
  ['author', { locale: 'nl', author: 'jan-de-vries' }, 'article_authors_listing_idx'],
  ['video hub', { locale: 'nl', video: true }, 'articles_video_idx'],
];

const cursor = decodeCursor(encodeCursor({ publishedAt: Date.parse('2024-04-29T00:00:00Z'), id: 'nl-atletico' }));

function queries(database: Database, filter: ListingFilter): Array<[string, CompiledQuery<unknown>]> {
  const source = listingSource(database.db, filter, FIXTURE_NOW);
  return [
    ['first page', source.page(null, 21).compile()],
    ['page after a cursor', source.page(cursor, 21).compile()],
    ['count', source.count().compile()],
    ['page-start seek', source.slice(39, 2).compile()],
  ];
}

const GENERATED_LISTINGS: Array<[string, ListingFilter, string]> = [
  ['home / latest', { locale: 'nl' }, 'articles_latest_idx'],
  ['section', { locale: 'nl', section: 'voetbal' }, 'articles_section_idx'],
  ['tag', { locale: 'nl', tag: 'ajax' }, 'article_tags_listing_idx'],
  ['author', { locale: 'nl', author: 'jan-de-vries' }, 'article_authors_listing_idx'],
  ['video hub', { locale: 'nl', video: true }, 'articles_video_idx'],
];

async function expectIndexServed(database: Database, filter: ListingFilter, index: string, requireIndex: boolean): Promise<void> {
  for (const [shape, query] of queries(database, filter)) {
    if (database.engine === 'sqlite') {
      const plan = await sqlitePlan(database, query);
      const context = `${shape}:\n${plan.join('\n')}`;
      expect({ context, scans: plan.filter((line) => /^SCAN /.test(line)) }).toEqual({ context, scans: [] });
      expect({ context, sorts: plan.filter((line) => line.includes('TEMP B-TREE')) }).toEqual({ context, sorts: [] });
      expect({ context, usesIndex: plan.some((line) => line.startsWith('SEARCH') && line.includes(index)) }).toEqual({ context, usesIndex: true });
    } else {
      const plan = await postgresPlan(database, query);
      const context = `${shape}: ${plan.map((node) => `${node['Node Type']}(${node['Index Name'] ?? node['Relation Name'] ?? ''})`).join(' → ')}`;
      expect({ context, seqScans: plan.filter((node) => node['Node Type'] === 'Seq Scan') }).toEqual({ context, seqScans: [] });
      expect({ context, sorts: plan.filter((node) => node['Node Type'].includes('Sort')) }).toEqual({ context, sorts: [] });
      if (requireIndex) {
        expect({ context, usesIndex: plan.some((node) => node['Index Name'] === index) }).toEqual({ context, usesIndex: true });
      }
    }
  }
}

describeEachEngine('listing query plans', (harness) => {
  describe('on a new database without statistics', () => {
    const database = useContentDatabase(harness);

    it.each(LISTINGS)('the %s listing is served by an index, in order', async (_name, filter, index) => {
      // PostgreSQL's choice among indexes on a 17-row table without statistics means little;
      // SQLite's planner has no such freedom and must use the listing's index already.
      await expectIndexServed(database(), filter, index, harness.engine === 'sqlite');
    });
  });

  describe('on 600 articles after ANALYZE', () => {
    const database = useContentDatabase(harness, generatedListing(600, 40));
    beforeAll(async () => {
      await sql`analyze`.execute(database().db);
    });

    it.each(GENERATED_LISTINGS)('the %s listing seeks its own index, in order', async (_name, filter, index) => {
      await expectIndexServed(database(), filter, index, true);
    });
  });
});
