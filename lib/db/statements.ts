import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';

const cache = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement, compiled once per connection. */
export function statement(db: Db, sql: string): Statement {
  let byDb = cache.get(db);
  if (!byDb) {
    byDb = new Map();
    cache.set(db, byDb);
  }
  let stmt = byDb.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    byDb.set(sql, stmt);
  }
  return stmt;
}

/** The SQL of every statement prepared on a connection so far: tests check the plans of the real statements. */
export function preparedSql(db: Db): string[] {
  return [...(cache.get(db)?.keys() ?? [])];
}
