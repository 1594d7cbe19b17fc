import { openDatabase } from '@/lib/db/connection';
import { type Database, postgresDatabase, sqliteDatabase } from '@/lib/db/database';
import type { TestDatabase } from './engines';

/**
 * The same test database as a second instance of the portal sees it: PostgreSQL, a pool of its
 * own; SQLite, a connection of its own to the same file (destroy() closes it). Two SQLite
 * connections in one process must not hold transactions at once: better-sqlite3 waits for the
 * lock synchronously, blocking the event loop the other one needs to finish (a race on SQLite
 * takes two processes).
 */
export function openSecondInstance(t: TestDatabase): Database {
  return t.engine === 'postgres' ? postgresDatabase(t.location, { poolSize: 2 }) : sqliteDatabase(openDatabase(t.location));
}
