/**
 * npm run search:rebuild   analyze every article again into the search index of the configured
 *                          database (DATABASE_URL, else DATABASE_PATH) and print the counts.
 *
 * Needed after a change to lib/search/analyze.ts (the stored tokens are the old analyzer's).
 * Articles missing from the index (an upgraded or copied database) are filled in without it, at
 * start and at the first search (lib/search/indexing.ts ensureSearchIndex). While it runs,
 * searches find only the articles done so far.
 */
import { databaseLabel } from '../lib/env';
import { closeDb } from '../lib/db/connection';
import { countArticles } from '../lib/db/content-write';
import { closeDatabase, getDatabase } from '../lib/db/database';
import { rebuildSearchIndex } from '../lib/search/indexing';

async function main() {
  const db = await getDatabase();
  const articles = await countArticles(db);
  console.log(`Rebuilding the search index of ${databaseLabel()} (${articles} articles)`);
  const started = Date.now();
  let reported = 0;
  const documents = await rebuildSearchIndex(db, (done) => {
    if (done - reported >= 10_000) {
      reported = done;
      console.log(`  ${done} / ${articles}`);
    }
  });
  console.log(`Indexed ${documents} articles of ${articles} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await closeDatabase();
  closeDb();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
