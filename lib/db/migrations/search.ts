/**
 * Full-text search structures, made by the initial schema: PostgreSQL's per-locale text search
 * configurations and generated `search` column, SQLite's FTS5 table.
 */
import { sql, type Kysely } from 'kysely';

/** The PostgreSQL text search configuration per locale: the language's stemmer behind `unaccent`. */
export const POSTGRES_SEARCH_CONFIGS = { nl: 'article_search_nl', en: 'article_search_en' } as const;

/**
 * Makes sure the `unaccent` dictionary exists and returns the schema it lives in, or null when the
 * server does not offer it (search is then accent-sensitive; a warning says so).
 * If another schema of this database already has the extension, that one is used: an extension is
 * per database, and creating it inside a throw-away schema would drop it with that schema.
 */
async function ensureUnaccent(db: Kysely<unknown>): Promise<string | null> {
  const findSchema = async () => {
    const { rows } = await sql<{ schema: string }>`
      select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace
      where e.extname = 'unaccent'`.execute(db);
    return rows[0]?.schema ?? null;
  };
  const existing = await findSchema();
  if (existing !== null) return existing;
  await sql`savepoint ensure_unaccent`.execute(db);
  try {
    await sql`create extension if not exists unaccent`.execute(db);
    await sql`release savepoint ensure_unaccent`.execute(db);
  } catch (error) {
    await sql`rollback to savepoint ensure_unaccent`.execute(db);
    const message = error instanceof Error ? error.message : String(error);
    console.warn(`PostgreSQL: the unaccent extension is not available (${message}); search will be accent-sensitive.`);
  }
  return findSchema();
}

export async function createPostgresSearch(db: Kysely<unknown>): Promise<void> {
  const unaccentSchema = await ensureUnaccent(db);
  const languages = [
    { config: POSTGRES_SEARCH_CONFIGS.nl, base: 'dutch', stem: 'dutch_stem' },
    { config: POSTGRES_SEARCH_CONFIGS.en, base: 'english', stem: 'english_stem' },
  ];
  for (const { config, base, stem } of languages) {
    await sql`create text search configuration ${sql.id(config)} (copy = ${sql.id('pg_catalog', base)})`.execute(db);
    if (unaccentSchema !== null) {
      // Fold accents before stemming, so "Atletico" finds "Atlético" and the headline marks it.
      await sql`alter text search configuration ${sql.id(config)}
        alter mapping for asciiword, asciihword, hword_asciipart, word, hword, hword_part
        with ${sql.id(unaccentSchema, 'unaccent')}, ${sql.id('pg_catalog', stem)}`.execute(db);
    }
  }
  // The configuration follows the row's locale. Casting literals to regconfig resolves them once,
  // when the column is created, so the expression is immutable as a generated column requires.
  const config = sql`(case locale
      when 'nl' then ${sql.lit(POSTGRES_SEARCH_CONFIGS.nl)}::regconfig
      when 'en' then ${sql.lit(POSTGRES_SEARCH_CONFIGS.en)}::regconfig
      else 'simple'::regconfig end)`;
  await sql`alter table articles add column search tsvector generated always as (
      setweight(to_tsvector(${config}, title), 'A') ||
      setweight(to_tsvector(${config}, intro), 'B') ||
      setweight(to_tsvector(${config}, body_text), 'C')
    ) stored`.execute(db);
  await sql`create index articles_search_idx on articles using gin (search)`.execute(db);
}

export async function createSqliteSearch(db: Kysely<unknown>): Promise<void> {
  // Its own copy of the text (snippet() needs it), keyed by rowid = articles.seq; lib/data/write.ts
  // maintains it. remove_diacritics 2 folds accents on both the index and the query side.
  await sql`create virtual table article_search using fts5(
      title, intro, body_text,
      tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
}
