/**
 * Makes the database ready: applies migrations and, when it holds no articles, loads the demo
 * content (drawing the demo pictures). Also redraws demo pictures missing from public/ (they
 * are not committed), since a build only serves what public/ held when it ran.
 */
import { databaseLabel } from '../lib/env';
import { closeDb } from '../lib/db/connection';
import { closeDatabase, getDatabase } from '../lib/db/database';
import { countArticles } from '../lib/db/content-write';
import { readArticleFiles } from '../lib/content/files';
import { defaultSeedPaths, loadDemoContent } from '../lib/content/seed';
import { ensureSearchIndex } from '../lib/search/indexing';

export async function prepareData(): Promise<void> {
  const db = await getDatabase();
  const paths = defaultSeedPaths();
  if ((await countArticles(db)) === 0) {
    const n = await loadDemoContent(db, paths);
    console.log(`[start] loaded ${n} demo articles into ${databaseLabel()}`);
  } else {
    // Cheap when the pictures exist: it only checks for them.
    await readArticleFiles(paths.contentDir, paths.publicDir);
  }
  // A database from before search (migration 7) gets its index here, before the site serves.
  const indexed = await ensureSearchIndex(db);
  if (indexed > 0) console.log(`[start] indexed ${indexed} articles for search`);
  await closeDatabase();
  closeDb();
}

if (require.main === module) {
  prepareData().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
