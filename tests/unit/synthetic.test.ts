import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getChannelListing, lookupArticle, findTranslation } from '@/lib/content/articles';
import { countArticles } from '@/lib/db/content-write';
import { getDatabase } from '@/lib/db/database';
import { addSyntheticArticles } from '@/lib/content/seed';
import { addChannels } from '../helpers/articles';

describe('the synthetic article generator', () => {
  const publicDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-public-'));

  it('adds exactly the number asked for, in both languages, and keeps numbering across runs', async () => {
    const db = await getDatabase();
    await addChannels(db, ['news', 'business']);
    await addSyntheticArticles(db, 30, publicDir);
    await addSyntheticArticles(db, 9, publicDir);
    expect(await countArticles(db)).toBe(39);
    const byLocale = await db
      .selectFrom('articles')
      .select((eb) => ['locale', eb.fn.countAll<number>().as('n')])
      .groupBy('locale')
      .orderBy('locale')
      .execute();
    expect(byLocale).toEqual([
      { locale: 'en', n: 26 },
      { locale: 'zh', n: 13 },
    ]);
    expect(fs.readdirSync(path.join(publicDir, 'images', 'demo'))).toHaveLength(12);
  });

  it('makes readable, paginated channels and linked translations', async () => {
    const page = await getChannelListing('en', 'news', 1);
    expect(page!.page.total).toBe(12);
    expect(page!.page.totalPages).toBe(2);
    const first = page!.page.items[0]!;
    const lookup = await lookupArticle({ locale: 'en', section: 'news', slug: first.slug });
    expect(lookup.kind).toBe('found');
    if (lookup.kind === 'found') {
      expect(lookup.article.bodyHtml.split(/\s+/).length).toBeGreaterThan(300);
      expect((await findTranslation(lookup.article))?.locale).toBe('zh');
    }
  });
});
