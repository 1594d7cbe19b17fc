import { sql } from 'kysely';
import type { Database } from './database';

/*
 * The content change log (migration 6): one row per change to what readers see, written in the
 * same transaction as the change. Every process serving the database reads the rows after the
 * last one it has seen and refreshes its own caches (lib/ingest/changes.ts). The payload is the
 * domain's, as JSON; lib/db stores and returns it as given.
 */

export interface ChangeRow {
  id: number;
  atMs: number;
  payload: string;
}

/**
 * Appends a change; with a `key`, only the first of several identical records is kept (and
 * null is returned for the others). Returns the new row's id.
 */
export async function insertChange(db: Database, change: { atMs: number; payload: string; key?: string }): Promise<number | null> {
  const row = await db
    .insertInto('content_changes')
    .values({ at_ms: change.atMs, payload: change.payload, key: change.key ?? null })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The changes after `afterId`, oldest first, at most `limit`. */
export async function selectChangesAfter(db: Database, afterId: number, limit: number): Promise<ChangeRow[]> {
  return db
    .selectFrom('content_changes')
    // Marked: the query log's readers tell the once-a-second tick's work from a request's.
    .modifyFront(sql`/* background */`)
    .select(['id', 'at_ms as atMs', 'payload'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * The changes recorded since `sinceMs`, whatever their id. Ids are handed out when a row is
 * inserted, not when its transaction commits: a row can become visible after rows with higher
 * ids have been read. Reading the last few seconds again catches it.
 */
export async function selectChangesSince(db: Database, sinceMs: number): Promise<ChangeRow[]> {
  return db
    .selectFrom('content_changes')
    .modifyFront(sql`/* background */`)
    .select(['id', 'at_ms as atMs', 'payload'])
    .where('at_ms', '>=', sinceMs)
    .orderBy('id')
    .execute();
}

/** The id of the newest change recorded before `beforeMs` (0: none), where a process starting up begins to read. */
export async function selectLastChangeIdBefore(db: Database, beforeMs: number): Promise<number> {
  const row = await db
    .selectFrom('content_changes')
    .modifyFront(sql`/* background */`)
    .select((eb) => eb.fn.max('id').as('id'))
    .where('at_ms', '<', beforeMs)
    .executeTakeFirst();
  return row?.id ?? 0;
}

/** Forgets changes older than `beforeMs` (every process has long read them). */
export async function deleteChangesBefore(db: Database, beforeMs: number): Promise<number> {
  // The scheduler's work, marked like its reads: the query log's readers count requests' statements.
  const result = await sql`/* background */ DELETE FROM content_changes WHERE at_ms < ${beforeMs}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
