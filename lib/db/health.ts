import { sql } from 'kysely';
import { type Database, engineOf, postgresSchemaVersion } from './database';

/** Whether the database answers a query, and at which schema version. */
export async function checkDatabase(db: Database): Promise<{ ok: true; schemaVersion: number } | { ok: false }> {
  try {
    await sql`SELECT 1`.execute(db);
    return { ok: true, schemaVersion: await schemaVersion(db) };
  } catch {
    return { ok: false };
  }
}

async function schemaVersion(db: Database): Promise<number> {
  if (engineOf(db) === 'postgres') return postgresSchemaVersion(db);
  const { rows } = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db);
  return rows[0]!.user_version;
}
