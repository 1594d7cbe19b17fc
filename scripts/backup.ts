/**
 * npm run backup -- FILE   a consistent copy of DATABASE_PATH, taken while the site serves
 *
 * SQLite's online backup API copies the database page by page and restarts when another
 * connection writes meanwhile, so the copy is one consistent state (WAL content included).
 * The copy is written beside FILE first and renamed into place when complete.
 */
import fs from 'node:fs';
import path from 'node:path';
import { databaseFile } from '../lib/env';
import { closeDb, getDb } from '../lib/db/connection';

async function main() {
  const [target] = process.argv.slice(2);
  if (!target) {
    console.error('usage: npm run backup -- FILE');
    process.exit(2);
  }
  const file = path.resolve(target);
  if (file === path.resolve(databaseFile())) throw new Error('FILE must not be the database itself');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  const started = Date.now();
  await getDb().backup(partial);
  fs.renameSync(partial, file);
  closeDb();
  const size = fs.statSync(file).size;
  console.log(`Backed up ${databaseFile()} to ${file} (${(size / 1024 / 1024).toFixed(1)} MB in ${Date.now() - started} ms)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
