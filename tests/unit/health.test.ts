import { openDatabase } from '@/lib/db/connection';
import { type Database, postgresDatabase, sqliteDatabase } from '@/lib/db/database';
import { checkDatabase } from '@/lib/db/health';
import { sqliteMigrations } from '@/lib/db/migrations';
import { checkReadiness } from '@/lib/health';
import { ENGINES, openTestDatabase, type TestDatabase } from '../helpers/engines';

/* The readiness check (GET /api/health): the database answers, at the newest schema, or it does not. */

/** A database of `engine` that cannot answer: a closed SQLite connection, or no PostgreSQL server where the URL points. */
function unreachable(engine: TestDatabase['engine']): Database {
  if (engine === 'postgres') return postgresDatabase('postgres://portal@127.0.0.1:1/nothing', { poolSize: 1 });
  const handle = openDatabase(':memory:');
  handle.close();
  return sqliteDatabase(handle);
}

describe.each(ENGINES)('%s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
  });
  afterAll(() => t.close());

  it('answers with the schema version', async () => {
    await expect(checkDatabase(t.db)).resolves.toEqual({ ok: true, schemaVersion: sqliteMigrations.length });
  });

  it('reports a database that does not answer, without throwing', async () => {
    const db = unreachable(engine);
    await expect(checkDatabase(db)).resolves.toEqual({ ok: false });
    if (engine === 'postgres') await db.destroy();
  });
});

it("checks the process's own database", async () => {
  await expect(checkReadiness()).resolves.toEqual({ ok: true, schemaVersion: sqliteMigrations.length });
});
