import BetterSqlite3 from 'better-sqlite3';
import { withStatementCache } from '@/lib/db/connection';

/** A real in-memory SQLite connection whose prepare calls are counted. */
function countedConnection() {
  const connection = new BetterSqlite3(':memory:');
  connection.exec('create table t (n integer)');
  connection.exec('insert into t values (1), (2), (3)');
  let prepared = 0;
  const prepare = connection.prepare.bind(connection);
  connection.prepare = ((sql: string) => {
    prepared++;
    return prepare(sql);
  }) as typeof connection.prepare;
  return { connection, prepared: () => prepared };
}

describe('the SQLite statement cache', () => {
  it('prepares each SQL text once and reuses it with other parameters', () => {
    const { connection, prepared } = countedConnection();
    const database = withStatementCache(connection);
    const query = 'select n from t where n >= ? order by n';
    expect(database.prepare(query).all([2])).toEqual([{ n: 2 }, { n: 3 }]);
    expect(database.prepare(query).all([3])).toEqual([{ n: 3 }]);
    expect(prepared()).toBe(1);
    connection.close();
  });

  it('drops the least recently used text beyond its size', () => {
    const { connection, prepared } = countedConnection();
    const database = withStatementCache(connection, 2);
    database.prepare('select 1');
    database.prepare('select 2');
    database.prepare('select 1'); // now the most recent
    database.prepare('select 3'); // evicts "select 2"
    expect(prepared()).toBe(3);
    database.prepare('select 1');
    expect(prepared()).toBe(3);
    database.prepare('select 2');
    expect(prepared()).toBe(4);
    connection.close();
  });

  it('never hands out a statement that is still iterating', () => {
    const { connection } = countedConnection();
    const database = withStatementCache(connection);
    const query = 'select n from t order by n';
    const outer = database.prepare(query).iterate([]);
    expect(outer.next().value).toEqual({ n: 1 });
    // The same text while the first iteration is open: a separate statement, so both work.
    expect(database.prepare(query).all([])).toHaveLength(3);
    expect([...outer]).toEqual([{ n: 2 }, { n: 3 }]);
    connection.close();
  });

  it('still sees a changed schema through a kept statement', () => {
    const { connection } = countedConnection();
    const database = withStatementCache(connection);
    expect(database.prepare('select * from t limit 1').all([])).toEqual([{ n: 1 }]);
    connection.exec('alter table t add column m text default \'x\'');
    expect(database.prepare('select * from t limit 1').all([])).toEqual([{ n: 1, m: 'x' }]);
    connection.close();
  });
});
