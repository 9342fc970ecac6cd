import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { reusingStatements } from '../../src/storage/sqlite-statements.js';

describe('SQLite prepared statements kept for reuse', () => {
  it('gives the same statement for the same SQL, and lets the least recently used go', () => {
    const database = reusingStatements(new SQLite(':memory:'), 2);
    const one = database.prepare('select 1');
    expect(database.prepare('select 1')).toBe(one);
    database.prepare('select 2');
    database.prepare('select 1'); // used again: now the most recent
    database.prepare('select 3'); // "select 2" goes
    expect(database.prepare('select 1')).toBe(one);
    const two = database.prepare('select 2');
    expect(database.prepare('select 2')).toBe(two);
    database.close();
  });

  it('prepares a fresh statement while the kept one is still being read', () => {
    const sqlite = new SQLite(':memory:');
    sqlite.exec('create table t (n integer); insert into t values (1), (2), (3);');
    const database = reusingStatements(sqlite);
    const sql = 'select n from t order by n';
    const outer = database.prepare(sql);
    const seen: number[] = [];
    for (const row of outer.iterate([]) as IterableIterator<{ n: number }>) {
      const inner = database.prepare(sql);
      expect(inner).not.toBe(outer);
      seen.push(row.n, (inner.all([]) as { n: number }[]).length);
    }
    expect(seen).toEqual([1, 3, 2, 3, 3, 3]);
    expect(database.prepare(sql)).toBe(outer);
    database.close();
  });
});
