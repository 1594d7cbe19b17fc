import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { formToken as token, get, readState } from './server';

/* Operations on the running production server: readiness, and an online backup. */

jest.setTimeout(60_000);

it('reports readiness at /api/health, uncached', async () => {
  const response = await get('/api/health');
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(await response.json()).toMatchObject({ status: 'ok', database: 'ok' });
});

it('backs up the database while the site serves and takes messages', async () => {
  const { databasePath } = readState();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-backup-'));
  const file = path.join(dir, 'backup.db');
  // Messages keep arriving during the backup.
  let writing = true;
  const confirmedBefore: string[] = [];
  const writer = (async () => {
    for (let i = 0; writing; i++) {
      const response = await get('/api/contact', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `198.20.${Math.floor(i / 250)}.${i % 250}` },
        body: JSON.stringify({ name: 'Backup', email: 'b@example.com', topic: 'general', message: `during backup ${i}`, consent: 'on', token: token() }),
      });
      if (response.status === 201 && confirmedBefore.length < 5) confirmedBefore.push(((await response.json()) as { reference: string }).reference);
    }
  })();
  while (confirmedBefore.length < 5) await new Promise((resolve) => setTimeout(resolve, 20));
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn(path.join('node_modules', '.bin', 'tsx'), ['scripts/backup.ts', file], {
      env: { ...process.env, DATABASE_PATH: databasePath },
      stdio: 'ignore',
    });
    child.on('exit', resolve);
  });
  writing = false;
  await writer;
  expect(code).toBe(0);
  const copy = new Database(file, { readonly: true });
  try {
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const live = new Database(databasePath, { readonly: true });
    const articles = (db: Database.Database) => (db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
    expect(articles(copy)).toBe(articles(live));
    live.close();
    // Everything confirmed before the backup began is in it.
    for (const reference of confirmedBefore) {
      expect(copy.prepare('SELECT reference FROM contact_messages WHERE reference = ?').get(reference)).toEqual({ reference });
    }
  } finally {
    copy.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
