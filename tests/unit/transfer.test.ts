import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultSeedPaths } from '@/lib/content/seed';
import { exportContent, importContent } from '@/lib/content/transfer';
import { selectArticleByExternalId } from '@/lib/db/content-read';
import type { Database } from '@/lib/db/database';
import { selectAllArticleIds, selectAllAuthorRecords, selectAllChannelRecords } from '@/lib/db/transfer';
import { ENGINES, openTestDatabase, type TestDatabase } from '../helpers/engines';

/* `npm run content -- import/export`: the demo content loads, and export → import is lossless, on both engines. */

const { contentDir, publicDir } = defaultSeedPaths();

/** Everything about every article except the database's own row ids. */
async function snapshot(db: Database) {
  const articles = [];
  for (const id of await selectAllArticleIds(db)) {
    const { id: _rowId, ...article } = (await selectArticleByExternalId(db, id))!;
    articles.push(article);
  }
  return articles;
}

describe.each(ENGINES)('%s', (engine) => {
  let source: TestDatabase;
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-transfer-'));
  beforeAll(async () => {
    source = await openTestDatabase(engine);
  });
  afterAll(() => source.close());

  it('imports the demo content from its folder', async () => {
    expect(await importContent(source.db, contentDir, publicDir)).toBe(112);
    expect(await selectAllChannelRecords(source.db)).toHaveLength(8);
  });

  it('exports every article and imports them back unchanged into an empty database', async () => {
    const out = path.join(temp, 'export');
    expect(await exportContent(source.db, out)).toBe(112);
    expect(fs.existsSync(path.join(out, 'en', 'business', 'old-warehouse-reopens-for-small-brands.md'))).toBe(true);
    const copy = await openTestDatabase(engine);
    try {
      expect(await importContent(copy.db, out, publicDir)).toBe(112);
      expect(await selectAllChannelRecords(copy.db)).toEqual(await selectAllChannelRecords(source.db));
      expect(await selectAllAuthorRecords(copy.db)).toEqual(await selectAllAuthorRecords(source.db));
      expect(await snapshot(copy.db)).toEqual(await snapshot(source.db));
    } finally {
      await copy.close();
    }
  });
});
