import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databaseFile, env } from '../env';
import { sqliteMigrations as migrations } from './migrations';

export type Db = Database.Database;

/**
 * When DB_QUERY_LOG names a file, every statement the server runs is appended to it. Used to
 * prove that cached pages do not touch the database (see docs/decisions/0001-rendering-and-caching.md).
 */
function queryLogger(file: string | undefined): ((sql: unknown) => void) | undefined {
  if (!file) return undefined;
  return (sql) => {
    fs.appendFileSync(file, `${String(sql).replace(/\s+/g, ' ').trim()}\n`);
  };
}

export function openDatabase(file: string, options: { logFile?: string } = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { verbose: queryLogger(options.logFile) });
  db.pragma('journal_mode = WAL');
  // A commit is in the write-ahead log (the OS's page cache) when the statement returns: it
  // survives the process dying at any moment (kill -9, tests/e2e/durability.test.ts). Only the
  // last commits before a power failure or OS crash can be lost; FULL would fsync every commit.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

/** Applies pending migrations. Safe when several processes (build workers) start at once. */
export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current >= migrations.length) return;
  db.transaction(() => {
    // Re-read inside the write lock: another process may have migrated meanwhile.
    const version = db.pragma('user_version', { simple: true }) as number;
    for (let i = version; i < migrations.length; i++) {
      db.exec(migrations[i]!);
      db.pragma(`user_version = ${i + 1}`);
    }
  }).immediate();
}

const globalForDb = globalThis as unknown as { portalDb?: Db; portalWriteGeneration?: number };

/**
 * Counts content changes made by this process. Caches of derived data (such as the set of
 * withdrawn articles) compare it to know they are stale; PRAGMA data_version only reports
 * changes made through other connections.
 */
export function noteContentWrite(): void {
  globalForDb.portalWriteGeneration = (globalForDb.portalWriteGeneration ?? 0) + 1;
}

export function contentWriteGeneration(): number {
  return globalForDb.portalWriteGeneration ?? 0;
}

/** The process-wide connection to the database named by DATABASE_PATH. */
export function getDb(): Db {
  if (!globalForDb.portalDb) {
    globalForDb.portalDb = openDatabase(databaseFile(), { logFile: env.DB_QUERY_LOG });
  }
  return globalForDb.portalDb;
}

export function closeDb(): void {
  globalForDb.portalDb?.close();
  globalForDb.portalDb = undefined;
}
