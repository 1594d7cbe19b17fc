import { sql } from 'kysely';
import { engineOf, migratePostgres, postgresDatabase, postgresSchemaVersion } from '@/lib/db/database';
import { containsText, isDatabaseUnavailable, uniqueViolation, writeTransaction } from '@/lib/db/engine';
import { startPostgres } from '@/scripts/lib/postgres-server';
import { sqliteMigrations } from '@/lib/db/migrations';
import { postgresMigrations } from '@/lib/db/migrations-postgres';
import { TABLES } from '@/lib/db/schema';
import { createPostgresDatabase, ENGINES, openTestDatabase, type TestDatabase } from '../helpers/engines';

/* The data layer's two engines: one schema history, the same tables, the same behaviour. */

test('one migration history: each entry has its text for both engines', () => {
  expect(postgresMigrations).toHaveLength(sqliteMigrations.length);
});

describe.each(ENGINES)('%s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
  });
  afterAll(() => t.close());

  test('knows its engine', () => {
    expect(engineOf(t.db)).toBe(engine);
  });

  test('has every table of the schema, with the same columns on both engines', async () => {
    const tables = await t.db.introspection.getTables();
    const names = tables.map((table) => table.name);
    for (const table of TABLES) expect(names).toContain(table);
    const articles = tables.find((table) => table.name === 'articles')!;
    expect(articles.columns.map((column) => column.name).sort()).toEqual(
      [
        'body_html', 'channel', 'created_ms', 'external_id', 'headline', 'id', 'image_alt', 'image_caption',
        'image_credit', 'image_height', 'image_src', 'image_width', 'locale', 'modified_ms', 'published_at',
        'published_ms', 'series', 'slug', 'status', 'summary', 'translation_group', 'updated_at', 'updated_ms',
        // migration 9: the newsroom's list
        'submitted_ms', 'created_by_staff_id', 'updated_by_staff_id',
      ].sort(),
    );
  });

  test('reads 64-bit millisecond times and counts back as numbers', async () => {
    await t.db.insertInto('sign_in_failures').values({ key: 'k', at_ms: 1_795_000_000_123 }).execute();
    const row = await t.db
      .selectFrom('sign_in_failures')
      .select((eb) => [eb.fn.max('at_ms').as('latest'), eb.fn.countAll().as('n')])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ latest: 1_795_000_000_123, n: 1 });
  });

  test('names the unique index a row broke, and rolls the transaction back', async () => {
    await t.db.insertInto('channels').values({ slug: 'news', position: 0, name_en: 'News', name_zh: '新闻' }).execute();
    const attempt = writeTransaction(t.db, 'test', async (trx) => {
      await trx.insertInto('channels').values({ slug: 'city', position: 1, name_en: 'City', name_zh: '城市' }).execute();
      await trx.insertInto('channels').values({ slug: 'news', position: 2, name_en: 'Again', name_zh: '再' }).execute();
    });
    const error = await attempt.catch((e: unknown) => e);
    expect(uniqueViolation(error)).not.toBeNull();
    expect(uniqueViolation(new Error('other'))).toBeNull();
    const slugs = await t.db.selectFrom('channels').select('slug').execute();
    expect(slugs.map((row) => row.slug)).toEqual(['news']);
  });

  test('write transactions that check then write run one after the other', async () => {
    // Two writers each read the counter and write it back plus one; interleaved, one increment is lost.
    await t.db.insertInto('sign_in_failures').values({ key: 'counter', at_ms: 0 }).execute();
    const bump = () =>
      writeTransaction(t.db, 'counter', async (trx) => {
        const row = await trx.selectFrom('sign_in_failures').select('at_ms').where('key', '=', 'counter').executeTakeFirstOrThrow();
        await new Promise((resolve) => setTimeout(resolve, 20));
        await trx.updateTable('sign_in_failures').set({ at_ms: row.at_ms + 1 }).where('key', '=', 'counter').execute();
      });
    await Promise.all([bump(), bump(), bump()]);
    const row = await t.db.selectFrom('sign_in_failures').select('at_ms').where('key', '=', 'counter').executeTakeFirstOrThrow();
    expect(row.at_ms).toBe(3);
  });

  test('finds text ignoring case, with % and _ taken literally', async () => {
    await t.db
      .insertInto('channels')
      .values([
        { slug: 'odd', position: 3, name_en: 'Fifty% Off_Sale', name_zh: '五折' },
        { slug: 'plain', position: 4, name_en: 'Fifty Percent Off Sale', name_zh: '半价' },
      ])
      .execute();
    const found = await t.db
      .selectFrom('channels')
      .select('slug')
      .where(containsText(t.db, sql.ref('name_en'), 'fifty% off_'))
      .execute();
    expect(found.map((row) => row.slug)).toEqual(['odd']);
  });
});

describe('postgres migrations', () => {
  test('two instances migrating an empty database at once: both come up, the migrations ran once', async () => {
    const url = await createPostgresDatabase();
    const first = postgresDatabase(url, { poolSize: 2 });
    const second = postgresDatabase(url, { poolSize: 2 });
    try {
      const applied = await Promise.all([migratePostgres(first), migratePostgres(second)]);
      expect(applied.sort()).toEqual([0, postgresMigrations.length]);
      expect(await postgresSchemaVersion(second)).toBe(postgresMigrations.length);
      const { rows } = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM schema_migrations`.execute(first);
      expect(rows[0]!.n).toBe(postgresMigrations.length);
    } finally {
      await Promise.all([first.destroy(), second.destroy()]);
    }
  });
});

describe('postgres going away', () => {
  test('a query while the server is down fails as "unavailable", and the same pool works again once it is back', async () => {
    const server = await startPostgres();
    const db = postgresDatabase(await server.createDatabase('away'), { poolSize: 2 });
    try {
      await migratePostgres(db);
      await db.insertInto('sign_in_failures').values({ key: 'before', at_ms: 1 }).execute();
      await server.stop();
      const error = await db.selectFrom('sign_in_failures').selectAll().execute().catch((e: unknown) => e);
      expect(isDatabaseUnavailable(error)).toBe(true);
      const write = await db.insertInto('sign_in_failures').values({ key: 'during', at_ms: 2 }).execute().catch((e: unknown) => e);
      expect(isDatabaseUnavailable(write)).toBe(true);
      await server.start();
      const rows = await db.selectFrom('sign_in_failures').select('key').execute();
      expect(rows.map((row) => row.key)).toEqual(['before']);
    } finally {
      await db.destroy();
      await server.remove();
    }
    // A query that is wrong is not "unavailable".
    const t = await openTestDatabase('postgres');
    try {
      const wrong = await sql`SELECT no_such_column FROM articles`.execute(t.db).catch((e: unknown) => e);
      expect(isDatabaseUnavailable(wrong)).toBe(false);
    } finally {
      await t.close();
    }
  }, 60_000);
});
