/** Adds the end-to-end fixtures (fixtures.ts) to DATABASE_PATH. Run by global-setup with tsx. */
import { saveArticle } from '../../lib/content/article-write';
import { closeDb, getDb } from '../../lib/db/connection';
import { fixtureArticles, renamedFirstVersion } from './fixtures';

const now = Date.now();
const db = getDb();
saveArticle(db, renamedFirstVersion(now), now);
for (const article of fixtureArticles(now)) saveArticle(db, article, now);
closeDb();
