/** Adds the end-to-end fixtures (fixtures.ts) to DATABASE_PATH. Run by global-setup with tsx. */
import { saveArticle } from '../../lib/content/article-write';
import { closeDb } from '../../lib/db/connection';
import { closeDatabase, getDatabase } from '../../lib/db/database';
import { fixtureArticles, renamedFirstVersion } from './fixtures';

async function main(): Promise<void> {
  const now = Date.now();
  const db = await getDatabase();
  await saveArticle(db, renamedFirstVersion(now), now);
  for (const article of fixtureArticles(now)) await saveArticle(db, article, now);
  await closeDatabase();
  closeDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
