import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ARTICLES_PER_SITEMAP, SITEMAP_BATCH_SIZE, planArticleSitemaps } from '@/lib/content/syndication';
import { getDatabase } from '@/lib/db/database';
import { addSyntheticArticles } from '@/lib/content/seed';
import { streamArticleSitemap } from '@/lib/seo/sitemaps';
import { addChannels } from '../helpers/articles';
import { parseXml, readChunks } from '../helpers/xml';

/** The real file size on a real archive: 20,000 synthetic articles, two thirds of them English. */
describe('article sitemaps at scale', () => {
  beforeAll(async () => {
    const db = await getDatabase();
    await addChannels(db, ['news', 'business', 'culture']);
    await addSyntheticArticles(db, 20_000, fs.mkdtempSync(path.join(os.tmpdir(), 'portal-public-')));
  }, 60_000);

  it('stays within the protocol limit, so 100,000 articles take several files', () => {
    expect(ARTICLES_PER_SITEMAP).toBeLessThanOrEqual(50_000);
    expect(Math.ceil(100_000 / ARTICLES_PER_SITEMAP)).toBeGreaterThan(1);
  });

  it('splits 13,333 English articles into two files and 6,667 Chinese ones into one', async () => {
    expect((await planArticleSitemaps('en')).map((file) => file.count)).toEqual([ARTICLES_PER_SITEMAP, 13_333 - ARTICLES_PER_SITEMAP]);
    expect((await planArticleSitemaps('zh')).map((file) => file.count)).toEqual([6_667]);
  });

  it('streams a full file in chunks of one batch each', async () => {
    const chunks = await readChunks((await streamArticleSitemap('en', 1))!);
    const urlsPerChunk = chunks.map((chunk) => chunk.split('<url>').length - 1);
    expect(urlsPerChunk.reduce((a, b) => a + b, 0)).toBe(ARTICLES_PER_SITEMAP);
    expect(Math.max(...urlsPerChunk)).toBeLessThanOrEqual(SITEMAP_BATCH_SIZE);
    const xml = chunks.join('');
    expect(parseXml(xml).urlset.url).toHaveLength(ARTICLES_PER_SITEMAP);
    // Every third synthetic article is the Chinese version of the one before it.
    expect(xml).toMatch(/hreflang="zh" href="[^"]+\/zh\/[a-z-]+\/synthetic-\d+"/);
  });
});
