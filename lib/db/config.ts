/**
 * Which database to use, read once from the environment.
 *
 * - `DATABASE_URL` unset or empty → the embedded SQLite file `./data/sportnieuws.db`.
 * - `file:<path>` (or `file:///absolute/path`) → an SQLite file at that path.
 * - `postgres://…` or `postgresql://…` → PostgreSQL. A `schema` query parameter
 *   (`?schema=name`) or `DATABASE_SCHEMA` selects a schema other than the connection's default;
 *   tests use it to give every run its own schema.
 *
 * Anything else is a configuration mistake and fails loudly rather than guessing.
 */

export type DatabaseConfig =
  | { engine: 'sqlite'; filename: string }
  | { engine: 'postgres'; url: string; schema?: string };

export const DEFAULT_SQLITE_FILENAME = './data/sportnieuws.db';

/** The environment variables read here; `process.env` is one. */
export type DatabaseEnv = Readonly<Record<string, string | undefined>>;

/** PostgreSQL schema names we accept: unquoted lowercase identifiers, so no quoting rules apply. */
const SCHEMA_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

export class DatabaseConfigError extends Error {
  override readonly name = 'DatabaseConfigError';
}

function checkSchema(schema: string, source: string): string {
  if (!SCHEMA_PATTERN.test(schema)) {
    throw new DatabaseConfigError(
      `${source}: "${schema}" is not a usable PostgreSQL schema name (lowercase letters, digits and _, not starting with a digit)`,
    );
  }
  return schema;
}

function sqliteFilename(url: string): string {
  const rest = url.slice('file:'.length);
  if (rest.startsWith('//')) {
    // file:///var/lib/site.db: a proper file URL.
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new DatabaseConfigError(`DATABASE_URL: "${url}" is not a valid file URL`);
    }
    if (parsed.host !== '' && parsed.host !== 'localhost') {
      throw new DatabaseConfigError(`DATABASE_URL: a file URL cannot name a host ("${parsed.host}")`);
    }
    return decodeURIComponent(parsed.pathname);
  }
  if (rest.length === 0) throw new DatabaseConfigError('DATABASE_URL: "file:" needs a path, e.g. file:./data/site.db');
  return rest;
}

function postgresConfig(url: string, env: DatabaseEnv): DatabaseConfig {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseConfigError('DATABASE_URL: not a valid postgres:// URL');
  }
  const fromUrl = parsed.searchParams.get('schema');
  // The driver does not know `schema`; strip it so it is not sent as a connection parameter.
  parsed.searchParams.delete('schema');
  const fromEnv = env.DATABASE_SCHEMA?.trim() || null;
  if (fromUrl !== null && fromEnv !== null && fromUrl !== fromEnv) {
    throw new DatabaseConfigError(
      `DATABASE_URL asks for schema "${fromUrl}" but DATABASE_SCHEMA says "${fromEnv}"; set only one`,
    );
  }
  const schema = fromUrl ?? fromEnv;
  const cleanUrl = parsed.toString();
  return schema === null
    ? { engine: 'postgres', url: cleanUrl }
    : { engine: 'postgres', url: cleanUrl, schema: checkSchema(schema, fromUrl !== null ? 'DATABASE_URL' : 'DATABASE_SCHEMA') };
}

/** Reads the database choice from `env`. Throws {@link DatabaseConfigError} on a value it cannot use. */
export function databaseConfigFromEnv(env: DatabaseEnv = process.env): DatabaseConfig {
  const url = env.DATABASE_URL?.trim() ?? '';
  if (url === '') return { engine: 'sqlite', filename: DEFAULT_SQLITE_FILENAME };
  if (url.startsWith('file:')) return { engine: 'sqlite', filename: sqliteFilename(url) };
  if (/^postgres(?:ql)?:\/\//i.test(url)) return postgresConfig(url, env);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  throw new DatabaseConfigError(
    `DATABASE_URL: unsupported ${scheme ? `scheme "${scheme}:"` : 'value'}; use file:<path> for SQLite or postgres://… for PostgreSQL`,
  );
}
