import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getDb } from '@/lib/db/connection';
import { getDatabase } from '@/lib/db/database';
import { loadDemoContent } from '@/lib/content/seed';

/** The demo content must meet the brief: channels, counts, languages, lengths, captions. */
describe('demo content', () => {
  const root = path.resolve(__dirname, '..', '..');
  // Pictures are drawn into a scratch folder: the test must not depend on earlier seeds.
  const publicDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-public-'));

  beforeAll(async () => {
    await loadDemoContent(await getDatabase(), { contentDir: path.join(root, 'content', 'demo'), publicDir });
  }, 120_000);

  it('has at least 8 channels with at least 8 English articles each', () => {
    const rows = getDb()
      .prepare(`SELECT channel, COUNT(*) AS n FROM articles WHERE locale = 'en' GROUP BY channel`)
      .all() as { channel: string; n: number }[];
    expect(rows.length).toBeGreaterThanOrEqual(8);
    // The channels short of eight, by name (none).
    expect(rows.filter((row) => row.n < 8)).toEqual([]);
  });

  it('has at least half of the English articles in Chinese too, and some Chinese-only articles', () => {
    const db = getDb();
    const english = (db.prepare(`SELECT COUNT(*) AS n FROM articles WHERE locale = 'en'`).get() as { n: number }).n;
    const translated = (
      db
        .prepare(
          `SELECT COUNT(*) AS n FROM articles e WHERE e.locale = 'en'
             AND EXISTS (SELECT 1 FROM articles z WHERE z.locale = 'zh' AND z.translation_group = e.translation_group)`,
        )
        .get() as { n: number }
    ).n;
    const chineseOnly = (
      db
        .prepare(
          `SELECT COUNT(*) AS n FROM articles z WHERE z.locale = 'zh'
             AND NOT EXISTS (SELECT 1 FROM articles e WHERE e.locale = 'en' AND e.translation_group = z.translation_group)`,
        )
        .get() as { n: number }
    ).n;
    expect(translated * 2).toBeGreaterThanOrEqual(english);
    expect(chineseOnly).toBeGreaterThan(0);
  });

  it('has bodies of 400–1,200 words (Chinese: characters / 1.6), with subheads', () => {
    const rows = getDb().prepare(`SELECT external_id, locale, body_html FROM articles`).all() as {
      external_id: string;
      locale: string;
      body_html: string;
    }[];
    for (const row of rows) {
      const text = row.body_html.replace(/<figcaption>[\s\S]*?<\/figcaption>/g, '').replace(/<[^>]+>/g, ' ');
      const words =
        row.locale === 'en'
          ? text.split(/\s+/).filter(Boolean).length
          : Math.round((text.match(/\p{Script=Han}/gu) ?? []).length / 1.6);
      expect({ id: row.external_id, ok: words >= 400 && words <= 1200, words }).toEqual({
        id: row.external_id,
        ok: true,
        words,
      });
      expect(row.body_html).toContain('<h2>');
    }
  });

  it('captions figures in the house style and gives every picture its real size', () => {
    const rows = getDb().prepare(`SELECT locale, body_html, image_caption, image_width, image_height FROM articles`).all() as {
      locale: string;
      body_html: string;
      image_caption: string;
      image_width: number;
      image_height: number;
    }[];
    for (const row of rows) {
      expect(row.image_width).toBe(1600);
      expect(row.image_height).toBe(900);
      const style = row.locale === 'en' ? /\(Photo \/ [^)]+\)$/ : /（图\/[^）]+）$/;
      expect(row.image_caption).toMatch(style);
      for (const caption of row.body_html.matchAll(/<figcaption>([\s\S]*?)<\/figcaption>/g)) {
        expect(caption[1]).toMatch(style);
      }
      for (const img of row.body_html.matchAll(/<img [^>]*>/g)) expect(img[0]).toMatch(/width="\d+" height="\d+"/);
    }
    expect(fs.readdirSync(path.join(publicDir, 'images', 'demo')).length).toBeGreaterThan(100);
  });
});

describe('query plans', () => {
  it('uses an index for every list query', () => {
    const db = getDb();
    const plans = [
      `SELECT id FROM articles WHERE locale = 'en' AND channel = 'news' AND status = 'published' AND published_ms <= 1
         ORDER BY published_ms DESC, id DESC LIMIT 6 OFFSET 6`,
      `SELECT COUNT(*) FROM articles WHERE locale = 'en' AND channel = 'news' AND status = 'published' AND published_ms <= 1`,
      `SELECT id FROM articles WHERE locale = 'en' AND status = 'published' AND published_ms <= 1
         ORDER BY published_ms DESC, id DESC LIMIT 9`,
      // the translation lookup of every article page (lib/db/content-read.ts selectTranslation)
      `SELECT locale, channel, slug FROM articles INDEXED BY articles_by_translation
        WHERE translation_group = 'x' AND locale = 'zh' AND status = 'published' AND published_ms <= 1 LIMIT 1`,
      // the proxy's address probes (selectArticleAddress)
      `SELECT status, published_ms FROM articles WHERE locale = 'en' AND slug = 'x'`,
      `SELECT a.status FROM article_slug_history h JOIN articles a ON a.id = h.article_id
        WHERE h.locale = 'en' AND h.slug = 'x' AND a.locale = h.locale`,
    ].map((sql) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' / '));
    expect(plans[3]).toContain('articles_by_translation');
    for (const plan of plans) {
      expect(plan).toMatch(/USING (COVERING )?INDEX|USING PRIMARY KEY/);
      expect(plan).not.toMatch(/\bSCAN (articles|a|h)\b/);
      expect(plan).not.toMatch(/USE TEMP B-TREE/);
    }
  });
});
