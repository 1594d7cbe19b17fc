import { getDb } from './db/connection';
import { checkDatabase } from './db/health';

export type Readiness = { ok: true; schemaVersion: number } | { ok: false; error?: unknown };

/**
 * Whether this process can serve (GET /api/health): its database opens and answers a query.
 * Never throws; when the database cannot even be opened, the error comes back for the log.
 */
export function checkReadiness(): Readiness {
  try {
    return checkDatabase(getDb());
  } catch (error) {
    return { ok: false, error };
  }
}
