import { getDatabase } from './db/database';
import { checkDatabase } from './db/health';

export type Readiness = { ok: true; schemaVersion: number } | { ok: false; error?: unknown };

/**
 * Whether this process can serve (GET /api/health): its database opens and answers a query.
 * Never throws; when the database cannot even be opened, the error comes back for the log.
 */
export async function checkReadiness(): Promise<Readiness> {
  try {
    return await checkDatabase(await getDatabase());
  } catch (error) {
    return { ok: false, error };
  }
}
