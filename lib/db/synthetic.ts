import type { Db } from './connection';
import { statement } from './statements';

/* Reads for the synthetic-article generator (lib/content/seed.ts, `npm run seed -- --articles N`). */

/** The highest N of the `synthetic-N` articles already stored, 0 when there are none. */
export function selectLastSyntheticNumber(db: Db): number {
  const row = statement(
    db,
    `SELECT MAX(CAST(substr(external_id, 11) AS INTEGER)) AS n FROM articles WHERE external_id LIKE 'synthetic-%'`,
  ).get() as { n: number | null };
  return row.n ?? 0;
}

/** When the oldest article that is not synthetic was published (ms), null when there is none. */
export function selectOldestRealPublishedMs(db: Db): number | null {
  const row = statement(
    db,
    `SELECT MIN(published_ms) AS ms FROM articles WHERE external_id NOT LIKE 'synthetic-%'`,
  ).get() as { ms: number | null };
  return row.ms;
}
