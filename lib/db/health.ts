import type { Db } from './connection';

/** Whether the database answers a query, and at which schema version. */
export function checkDatabase(db: Db): { ok: true; schemaVersion: number } | { ok: false } {
  try {
    db.prepare('SELECT 1').get();
    return { ok: true, schemaVersion: db.pragma('user_version', { simple: true }) as number };
  } catch {
    return { ok: false };
  }
}
