/**
 * npm run content -- import DIR   load Markdown articles (front matter + body), plus channels.json
 *                                 and authors.json if present, into DATABASE_PATH
 * npm run content -- export DIR   write every article (any status) and the channels and authors
 *                                 out as files the import reads back
 */
import path from 'node:path';
import { databaseLabel } from '../lib/env';
import { closeDb } from '../lib/db/connection';
import { closeDatabase, getDatabase } from '../lib/db/database';
import { defaultSeedPaths } from '../lib/content/seed';
import { exportContent, importContent } from '../lib/content/transfer';

async function main() {
  const [command, dir] = process.argv.slice(2);
  if ((command !== 'import' && command !== 'export') || !dir) {
    console.error('usage: npm run content -- import DIR | export DIR');
    process.exit(2);
  }
  const target = path.resolve(dir);
  const db = await getDatabase();
  if (command === 'import') {
    const n = await importContent(db, target, defaultSeedPaths().publicDir);
    console.log(`Imported ${n} articles from ${target} into ${databaseLabel()}`);
  } else {
    const n = await exportContent(db, target);
    console.log(`Exported ${n} articles from ${databaseLabel()} to ${target}`);
  }
  await closeDatabase();
  closeDb();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
