/**
 * npm run seed                       load the demo content into DATABASE_PATH (idempotent)
 * npm run seed -- --reset            delete the database first (PostgreSQL: empty its tables), then load the demo content
 * npm run seed -- --articles 100000  also add that many synthetic articles (scale work)
 * npm run seed -- --if-empty         load the demo content only when there are no articles
 */
import fs from 'node:fs';
import { databaseFile, databaseLabel, env } from '../lib/env';
import { closeDb } from '../lib/db/connection';
import { closeDatabase, emptyPostgres, getDatabase } from '../lib/db/database';
import { countArticles } from '../lib/db/content-write';
import { addSyntheticArticles, defaultSeedPaths, loadDemoContent } from '../lib/content/seed';
import { optimizeSearchIndex } from '../lib/db/search';

function parseArgs(argv: string[]) {
  const args = { reset: false, ifEmpty: false, articles: 0 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--reset') args.reset = true;
    else if (arg === '--if-empty') args.ifEmpty = true;
    else if (arg === '--articles') {
      const n = Number(argv[++i]);
      if (!Number.isSafeInteger(n) || n < 0) throw new Error('--articles needs a whole number');
      args.articles = n;
    } else throw new Error(`Unknown argument: ${arg}`);
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const file = databaseLabel();
  if (args.reset && !env.DATABASE_URL) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(databaseFile() + suffix, { force: true });
    console.log(`Deleted ${file}`);
  }
  const db = await getDatabase();
  if (args.reset && env.DATABASE_URL) {
    await emptyPostgres(db);
    console.log(`Emptied every table of ${file}`);
  }
  const paths = defaultSeedPaths();
  if (!args.ifEmpty || (await countArticles(db)) === 0) {
    const n = await loadDemoContent(db, paths);
    console.log(`Loaded ${n} demo articles into ${file}`);
  }
  if (args.articles > 0) {
    const started = Date.now();
    await addSyntheticArticles(db, args.articles, paths.publicDir);
    // Thousands of small index writes leave many segments (SQLite) or stale statistics (PostgreSQL).
    await optimizeSearchIndex(db);
    console.log(`Added ${args.articles} synthetic articles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  console.log(`The database holds ${await countArticles(db)} articles.`);
  await closeDatabase();
  closeDb();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
