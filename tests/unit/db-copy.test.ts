import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { defaultSeedPaths } from '@/lib/content/seed';
import { importContent } from '@/lib/content/transfer';
import { selectArticleByExternalId } from '@/lib/db/content-read';
import { copyDatabase, tableChecksum, TargetNotEmptyError } from '@/lib/db/copy';
import { migratePostgres, postgresDatabase } from '@/lib/db/database';
import { TABLES } from '@/lib/db/schema';
import { addArticle } from '../helpers/articles';
import { createPostgresDatabase, openTestDatabase, type TestDatabase } from '../helpers/engines';

/* `npm run db:copy`: SQLite into an empty PostgreSQL database, every table, losslessly. */

const { contentDir, publicDir } = defaultSeedPaths();
const root = path.resolve(__dirname, '..', '..');
let sqlite: TestDatabase;

beforeAll(async () => {
  sqlite = await openTestDatabase('sqlite');
  const db = sqlite.db;
  await importContent(db, contentDir, publicDir);
  // A row in every other table: messages, staff, sessions, throttles, outbox, statistics.
  const article = await db.selectFrom('articles').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow();
  await db.insertInto('article_views').values({ article_id: article.id, day: 20_600, views: 7 }).execute();
  const message = await db
    .insertInto('contact_messages')
    .values({
      reference: 'CN-COPY-1', idempotency_key: 'key-1', received_ms: 1_795_000_000_000, locale: 'zh', name: '读者',
      email: 'reader@example.com', topic: 'tip', message: '江边的路灯坏了。\nLine two', consent_ms: 1_795_000_000_000,
      policy_version: '1', ip_hash: 'abc', user_agent: 'UA',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('mail_outbox')
    .values({ message_id: message.id, recipients: 'desk@example.com', subject: 'New', body: 'b', created_ms: 1, next_attempt_ms: 2 })
    .execute();
  const staff = await db
    .insertInto('staff')
    .values({ email: 'Editor@Example.com', password_hash: 'scrypt$x', created_ms: 3 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('staff_sessions').values({ token_hash: 'h1', staff_id: staff.id, created_ms: 3, expires_ms: 9_999_999_999_999 }).execute();
  await db
    .insertInto('staff_invitations')
    .values({ token_hash: 'i1', email: 'new@example.com', role: 'reporter', invited_by: staff.id, created_ms: 4, expires_ms: 5 })
    .execute();
  await db
    .insertInto('audit_log')
    .values({ at_ms: 4, actor_id: staff.id, actor_email: 'Editor@Example.com', action: 'staff.invite', subject_type: 'invitation', subject_id: '1', detail: '{"role":"reporter"}' })
    .execute();
  await db.insertInto('sign_in_failures').values([{ key: 'ip:x', at_ms: 5 }, { key: 'ip:x', at_ms: 5 }]).execute();
  // A renamed article leaves a slug behind.
  const renamed = await addArticle(db, { slug: 'before-rename' });
  await addArticle(db, { ...renamed, slug: 'after-rename' } as never);
});
afterAll(() => sqlite.close());

it('copies every table into an empty PostgreSQL database with the same rows and checksums, ids kept', async () => {
  const url = await createPostgresDatabase();
  const target = postgresDatabase(url, { poolSize: 2 });
  try {
    await migratePostgres(target);
    const reports = await copyDatabase(sqlite.db, target);
    expect(reports.map((r) => r.table)).toEqual([...TABLES]);
    for (const report of reports) {
      expect(report.sourceRows).toBeGreaterThan(0);
      expect([report.table, report.targetRows, report.targetChecksum]).toEqual([report.table, report.sourceRows, report.sourceChecksum]);
    }
    // Read through the data layer, an article is the same on both sides.
    const id = (await sqlite.db.selectFrom('articles').select('external_id').where('locale', '=', 'zh').limit(1).executeTakeFirstOrThrow()).external_id;
    expect(await selectArticleByExternalId(target, id)).toEqual(await selectArticleByExternalId(sqlite.db, id));
    // New rows get ids after the copied ones.
    const next = await addArticle(target, { slug: 'after-the-copy' });
    const stored = await target.selectFrom('articles').select('id').where('external_id', '=', next.id).executeTakeFirstOrThrow();
    const highest = await sqlite.db.selectFrom('articles').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow();
    expect(stored.id).toBeGreaterThan(highest.id);
    // A second copy into the same (now filled) database is refused and writes nothing.
    const before = await tableChecksum(target, 'articles');
    await expect(copyDatabase(sqlite.db, target)).rejects.toBeInstanceOf(TargetNotEmptyError);
    expect(await tableChecksum(target, 'articles')).toEqual(before);
  } finally {
    await target.destroy();
  }
});

it('is a command that prints each table on both sides and fails on a database that is not empty', async () => {
  const url = await createPostgresDatabase();
  const run = () =>
    spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/db-copy.ts', '--from', sqlite.location, '--to', url], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
  const first = run();
  expect(first.status).toBe(0);
  const lines = first.stdout.split('\n');
  for (const table of TABLES) {
    const line = lines.find((l) => l.startsWith(`${table} `));
    expect(line).toBeDefined();
    const [, rows, copied, sourceSum, targetSum] = line!.trim().split(/\s+/);
    expect([table, copied, targetSum]).toEqual([table, rows, sourceSum]);
  }
  expect(first.stdout).toMatch(/every table's rows and checksum match/);
  const second = run();
  expect(second.status).toBe(1);
  expect(second.stderr).toMatch(/not empty/);
}, 120_000);
