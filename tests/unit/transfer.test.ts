import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultSeedPaths } from '@/lib/content/seed';
import { exportContent, importContent } from '@/lib/content/transfer';
import { getDb, openDatabase, type Db } from '@/lib/db/connection';
import { selectArticleByExternalId } from '@/lib/db/content-read';
import { selectAllArticleIds, selectAllAuthorRecords, selectAllChannelRecords } from '@/lib/db/transfer';

/* `npm run content -- import/export`: the demo content loads, and export → import is lossless. */

const { contentDir, publicDir } = defaultSeedPaths();
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-transfer-'));

/** Everything about every article except the database's own row ids. */
function snapshot(db: Db) {
  return selectAllArticleIds(db).map((id) => {
    const { id: _rowId, ...article } = selectArticleByExternalId(db, id)!;
    return article;
  });
}

it('imports the demo content from its folder', async () => {
  expect(await importContent(getDb(), contentDir, publicDir)).toBe(112);
  expect(selectAllChannelRecords(getDb())).toHaveLength(8);
});

it('exports every article and imports them back unchanged into an empty database', async () => {
  const out = path.join(temp, 'export');
  expect(exportContent(getDb(), out)).toBe(112);
  expect(fs.existsSync(path.join(out, 'en', 'business', 'old-warehouse-reopens-for-small-brands.md'))).toBe(true);
  const copy = openDatabase(path.join(temp, 'copy.db'));
  try {
    expect(await importContent(copy, out, publicDir)).toBe(112);
    expect(selectAllChannelRecords(copy)).toEqual(selectAllChannelRecords(getDb()));
    expect(selectAllAuthorRecords(copy)).toEqual(selectAllAuthorRecords(getDb()));
    expect(snapshot(copy)).toEqual(snapshot(getDb()));
  } finally {
    copy.close();
  }
});
