import fs from 'node:fs';
import { type CompiledQuery, type DialectAdapter, Kysely, PostgresAdapter, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { env } from '../env';
import { getDb } from './connection';
import { postgresMigrations } from './migrations-postgres';
import { type Schema, TABLES } from './schema';
import { PortalSqliteDialect } from './sqlite-driver';

/*
 * The data layer's one entry point. Without DATABASE_URL the portal runs on the SQLite file at
 * DATABASE_PATH, in this process; with DATABASE_URL=postgres://… on that PostgreSQL database,
 * shared by every instance. Code above lib/db holds a `Database` and never asks which engine it is.
 */

export type Database = Kysely<Schema>;
export type Engine = 'sqlite' | 'postgres';

/**
 * Which engine a database (or a transaction on it) runs on, read from the adapter this module
 * gave its dialect. Not `instanceof PostgresAdapter`: a production build may bundle Kysely into
 * more than one chunk, each with its own copy of the class.
 */
export function engineOf(db: Database): Engine {
  const adapter = db.getExecutor().adapter as { portalEngine?: Engine };
  if (!adapter.portalEngine) throw new Error('not a database opened by lib/db/database.ts');
  return adapter.portalEngine;
}

class PortalPostgresAdapter extends PostgresAdapter {
  readonly portalEngine: Engine = 'postgres';
}

/** Kysely's PostgreSQL dialect, with an adapter that says which engine it is. */
class PortalPostgresDialect extends PostgresDialect {
  override createAdapter(): DialectAdapter {
    return new PortalPostgresAdapter();
  }
}

/** A Kysely database over an open better-sqlite3 handle (migrated by lib/db/connection.ts). */
export function sqliteDatabase(handle: ConstructorParameters<typeof PortalSqliteDialect>[0]): Database {
  return new Kysely<Schema>({ dialect: new PortalSqliteDialect(handle) });
}

// PostgreSQL's BIGINT (epoch milliseconds, ids, COUNT) and NUMERIC (SUM) arrive as strings by
// default; every value this schema keeps in them is within Number's exact range.
const INT8 = 20;
const NUMERIC = 1700;
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

export interface PostgresOptions {
  /** Connections this process may hold (DATABASE_POOL_SIZE). */
  poolSize?: number;
  /** A file every statement is appended to (DB_QUERY_LOG). */
  logFile?: string;
  /** Called with every statement run and its parameters (tests plan the real statements). */
  onQuery?: (query: CompiledQuery) => void;
}

/** A pool of connections to PostgreSQL at `url`; call migratePostgres before the first query. */
export function postgresDatabase(url: string, options: PostgresOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // A request waits at most this long for a connection: with the server down it fails fast
    // (503) instead of hanging until the reader gives up.
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
    application_name: 'city-news-portal',
    types,
  });
  // An idle connection the server closes (a restart, a failover) must not end the process
  // (an 'error' event nobody listens to would): the pool drops it and the next query opens a
  // new one, or fails, and its caller reports that.
  pool.on('error', () => undefined);
  const { logFile, onQuery } = options;
  return new Kysely<Schema>({
    dialect: new PortalPostgresDialect({ pool }),
    log:
      logFile || onQuery
        ? (event) => {
            if (logFile) fs.appendFileSync(logFile, `${event.query.sql.replace(/\s+/g, ' ').trim()}\n`);
            onQuery?.(event.query);
          }
        : undefined,
  });
}

/** Any 64-bit key: every instance takes the same advisory lock before migrating. */
const MIGRATION_LOCK = 7_336_020_615;

/**
 * Brings a PostgreSQL database to the newest schema. Safe when several instances start at once
 * against an empty database: each waits for the advisory lock, re-reads the version under it,
 * and finds the work done by the first. Returns the number of migrations this call applied.
 */
export async function migratePostgres(db: Database): Promise<number> {
  if ((await postgresSchemaVersion(db)) >= postgresMigrations.length) return 0;
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`.execute(trx);
    await sql`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_ms BIGINT NOT NULL)`.execute(trx);
    const { rows } = await sql<{ version: number }>`SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations`.execute(trx);
    const from = rows[0]!.version;
    for (let i = from; i < postgresMigrations.length; i++) {
      await sql.raw(postgresMigrations[i]!).execute(trx);
      await sql`INSERT INTO schema_migrations (version, applied_ms) VALUES (${i + 1}, ${Date.now()})`.execute(trx);
    }
    return postgresMigrations.length - from;
  });
}

/** How many migrations a PostgreSQL database has had (0: none, or no schema_migrations table yet). */
export async function postgresSchemaVersion(db: Database): Promise<number> {
  const { rows } = await sql<{ version: number | null }>`
    SELECT CASE WHEN to_regclass('schema_migrations') IS NULL THEN 0 END AS version`.execute(db);
  if (rows[0]!.version === 0) return 0;
  const current = await sql<{ version: number }>`SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations`.execute(db);
  return current.rows[0]!.version;
}

const globalForDatabase = globalThis as unknown as { portalDatabase?: Promise<Database> };

/** The process-wide database: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export function getDatabase(): Promise<Database> {
  globalForDatabase.portalDatabase ??= openConfiguredDatabase().catch((error: unknown) => {
    // The next caller tries again (PostgreSQL may be back), instead of keeping the failure.
    globalForDatabase.portalDatabase = undefined;
    throw error;
  });
  return globalForDatabase.portalDatabase;
}

async function openConfiguredDatabase(): Promise<Database> {
  const url = env.DATABASE_URL;
  if (!url) return sqliteDatabase(getDb());
  const db = postgresDatabase(url, { poolSize: env.DATABASE_POOL_SIZE, logFile: env.DB_QUERY_LOG });
  await migratePostgres(db);
  return db;
}

export async function closeDatabase(): Promise<void> {
  const pending = globalForDatabase.portalDatabase;
  globalForDatabase.portalDatabase = undefined;
  const db = await pending?.catch(() => undefined);
  // SQLite's handle belongs to lib/db/connection.ts (closeDb); only a pool is ours to end.
  if (db && engineOf(db) === 'postgres') await db.destroy();
}

/** Empties every table of a PostgreSQL database, keeping the schema (`npm run seed -- --reset`). */
export async function emptyPostgres(db: Database): Promise<void> {
  const tables = (TABLES as readonly string[]).map((table) => sql.table(table));
  await sql`TRUNCATE ${sql.join(tables)} RESTART IDENTITY CASCADE`.execute(db);
}
