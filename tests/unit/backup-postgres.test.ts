import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultSeedPaths } from '@/lib/content/seed';
import { importContent } from '@/lib/content/transfer';
import { tableChecksum } from '@/lib/db/copy';
import { postgresDatabase } from '@/lib/db/database';
import { TABLES } from '@/lib/db/schema';
import { postgresBinaries } from '@/scripts/lib/postgres-server';
import { createPostgresDatabase, openTestDatabase } from '../helpers/engines';

/* `npm run backup` on PostgreSQL: pg_dump's custom format, which pg_restore (README's steps) brings back whole. */

const root = path.resolve(__dirname, '..', '..');

it('backs up a PostgreSQL database that pg_restore restores with every row', async () => {
  const source = await openTestDatabase('postgres');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-pg-backup-'));
  const file = path.join(dir, 'portal.dump');
  try {
    const { contentDir, publicDir } = defaultSeedPaths();
    await importContent(source.db, contentDir, publicDir);
    const backup = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/backup.ts', file], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: source.location },
    });
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up postgres:\/\/.* to .*portal\.dump/);
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    // README's restore: pg_restore into an empty database.
    const restoredUrl = await createPostgresDatabase();
    const restore = spawnSync(path.join(postgresBinaries()!, 'pg_restore'), ['--no-owner', '--dbname', restoredUrl, file], { encoding: 'utf8' });
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    const restored = postgresDatabase(restoredUrl, { poolSize: 2 });
    try {
      for (const table of TABLES) {
        expect([table, await tableChecksum(restored, table)]).toEqual([table, await tableChecksum(source.db, table)]);
      }
    } finally {
      await restored.destroy();
    }
  } finally {
    await source.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
