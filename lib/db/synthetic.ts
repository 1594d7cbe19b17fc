import { sql } from 'kysely';
import type { Database } from './database';

/* Reads for the synthetic-article generator (lib/content/seed.ts, `npm run seed -- --articles N`). */

/** The highest N of the `synthetic-N` articles already stored, 0 when there are none. */
export async function selectLastSyntheticNumber(db: Database): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select(sql<number | null>`MAX(CAST(substr(external_id, 11) AS INTEGER))`.as('n'))
    .where('external_id', 'like', 'synthetic-%')
    .executeTakeFirstOrThrow();
  return row.n ?? 0;
}

/** When the oldest article that is not synthetic was published (ms), null when there is none. */
export async function selectOldestRealPublishedMs(db: Database): Promise<number | null> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.min('published_ms').as('ms'))
    .where('external_id', 'not like', 'synthetic-%')
    .executeTakeFirstOrThrow();
  return row.ms ?? null;
}
