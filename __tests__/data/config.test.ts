import { databaseConfigFromEnv, DatabaseConfigError, DEFAULT_SQLITE_FILENAME } from '@/lib/db/config';

describe('databaseConfigFromEnv', () => {
  it.each([
    ['unset', {}, { engine: 'sqlite', filename: DEFAULT_SQLITE_FILENAME }],
    ['empty', { DATABASE_URL: '  ' }, { engine: 'sqlite', filename: DEFAULT_SQLITE_FILENAME }],
    ['a relative file: path', { DATABASE_URL: 'file:./tmp/site.db' }, { engine: 'sqlite', filename: './tmp/site.db' }],
    ['an absolute file URL', { DATABASE_URL: 'file:///var/lib/site%20data/site.db' }, { engine: 'sqlite', filename: '/var/lib/site data/site.db' }],
    [
      'a postgres:// URL',
      { DATABASE_URL: 'postgres://user:secret@db.example:5432/news' },
      { engine: 'postgres', url: 'postgres://user:secret@db.example:5432/news' },
    ],
    [
      'a postgresql:// URL with ?schema=',
      { DATABASE_URL: 'postgresql://db.example/news?schema=site_a&sslmode=require' },
      { engine: 'postgres', url: 'postgresql://db.example/news?sslmode=require', schema: 'site_a' },
    ],
    [
      'DATABASE_SCHEMA',
      { DATABASE_URL: 'postgres://db.example/news', DATABASE_SCHEMA: 'site_b' },
      { engine: 'postgres', url: 'postgres://db.example/news', schema: 'site_b' },
    ],
  ])('reads %s', (_case, env, expected) => {
    expect(databaseConfigFromEnv(env)).toEqual(expected);
  });

  it.each([
    ['another scheme', { DATABASE_URL: 'mysql://db.example/news' }, /unsupported scheme "mysql:"/],
    ['a bare path', { DATABASE_URL: './data/site.db' }, /unsupported value/],
    ['an empty file: path', { DATABASE_URL: 'file:' }, /needs a path/],
    ['a schema name needing quotes', { DATABASE_URL: 'postgres://db.example/news?schema=Site-A' }, /not a usable PostgreSQL schema name/],
    [
      'two different schemas',
      { DATABASE_URL: 'postgres://db.example/news?schema=a', DATABASE_SCHEMA: 'b' },
      /set only one/,
    ],
  ])('rejects %s with a clear error', (_case, env, message) => {
    expect(() => databaseConfigFromEnv(env)).toThrow(DatabaseConfigError);
    expect(() => databaseConfigFromEnv(env)).toThrow(message);
  });

  it('never repeats a password in its errors', () => {
    expect(() => databaseConfigFromEnv({ DATABASE_URL: 'postgres://user:hunter2@db.example/news?schema=Bad' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });
});
