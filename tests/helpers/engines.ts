import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/lib/db/connection';
import { type Database, type Engine, migratePostgres, postgresDatabase, sqliteDatabase } from '@/lib/db/database';

/*
 * Both engines for the database layer's tests: `describe.each(ENGINES)` and, in each, a new empty
 * database of that engine (a temporary SQLite file, or a new database on the unit tests'
 * PostgreSQL server: tests/unit/global-postgres.ts), migrated to the newest schema.
 */

export const ENGINES: readonly Engine[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  engine: Engine;
  db: Database;
  /** SQLite: the file; PostgreSQL: the database's URL. */
  location: string;
  close(): Promise<void>;
}

export async function openTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-engine-'));
    const file = path.join(dir, 'test.db');
    const handle = openDatabase(file);
    const db = sqliteDatabase(handle);
    return {
      engine,
      db,
      location: file,
      async close() {
        await db.destroy();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = await createPostgresDatabase();
  const db = postgresDatabase(url, { poolSize: 4 });
  await migratePostgres(db);
  return { engine, db, location: url, close: () => db.destroy() };
}

/** A new empty database on the tests' PostgreSQL server; its URL. */
export async function createPostgresDatabase(): Promise<string> {
  const server = process.env.PORTAL_TEST_POSTGRES_URL;
  if (!server) throw new Error('PORTAL_TEST_POSTGRES_URL is not set: run the unit tests through jest (tests/unit/global-postgres.ts)');
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return server.replace(/\/[^/]*$/, `/${name}`);
}
