/** Adds the end-to-end fixtures (fixtures.ts) to DATABASE_PATH. Run by global-setup with tsx. */
import { closeDb, getDb } from '../../lib/db/connection';
import { upsertArticle } from '../../lib/db/content-write';
import { fixtureArticles, renamedFirstVersion } from './fixtures';

const now = Date.now();
const db = getDb();
upsertArticle(db, renamedFirstVersion(now), now);
for (const article of fixtureArticles(now)) upsertArticle(db, article, now);
closeDb();
