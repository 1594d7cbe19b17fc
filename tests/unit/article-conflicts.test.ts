import BetterSqlite3 from 'better-sqlite3';
import { saveArticle } from '@/lib/content/article-write';
import { migrate } from '@/lib/db/connection';
import { selectArticleByExternalId, selectArticleBySlug, selectTranslationGroup } from '@/lib/db/content-read';
import { ArticleConflictError } from '@/lib/db/content-write';
import { type Database, postgresDatabase } from '@/lib/db/database';
import { uniqueViolation } from '@/lib/db/engine';
import { sqliteMigrations as migrations } from '@/lib/db/migrations';
import { addChannels, makeArticle } from '../helpers/articles';
import { ENGINES, openTestDatabase, type TestDatabase } from '../helpers/engines';

/*
 * What an article can conflict with in the database (issue 14): another article's slug in its
 * language, and a story's one version per language. A conflict writes nothing. On both engines.
 */

async function conflictOf(run: () => Promise<unknown>): Promise<{ field: string; message: string }> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ArticleConflictError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('no conflict');
}

describe.each(ENGINES)('%s', (engine) => {
  let t: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    db = t.db;
    await addChannels(db, ['news', 'culture']);
  });
  afterAll(() => t.close());

  const countArticles = async () => (await db.selectFrom('articles').select('id').execute()).length;
  const slugHistory = (slug: string) => db.selectFrom('article_slug_history').select('article_id').where('slug', '=', slug).execute();

  describe('slugs', () => {
    it.each([
      ['published, same channel', {}],
      ['draft, other channel', { status: 'draft' as const, section: 'culture' }],
      ['withdrawn', { status: 'withdrawn' as const }],
    ])('refuses the slug of another article of the language (%s), storing nothing', async (_, other) => {
      const first = makeArticle(other);
      await saveArticle(db, first);
      const before = await countArticles();
      const conflict = await conflictOf(() => saveArticle(db, makeArticle({ slug: first.slug, authors: [{ name: 'A New Byline' }], tags: ['new-tag'] })));
      expect(conflict.field).toBe('slug');
      expect(conflict.message).toContain(first.id);
      expect(await countArticles()).toBe(before);
      expect(await db.selectFrom('authors').select('id').where('name_en', '=', 'A New Byline').execute()).toEqual([]);
    });

    it('refuses a rename onto another article’s slug and keeps both as they were', async () => {
      const a = makeArticle();
      const b = makeArticle();
      await saveArticle(db, a);
      await saveArticle(db, b);
      expect((await conflictOf(() => saveArticle(db, { ...b, slug: a.slug, headline: 'Changed' }))).field).toBe('slug');
      expect((await selectArticleByExternalId(db, b.id))).toMatchObject({ slug: b.slug, headline: b.headline });
    });

    it('lets the other language use the same slug', async () => {
      const en = makeArticle();
      await saveArticle(db, en);
      expect((await saveArticle(db, makeArticle({ locale: 'zh', slug: en.slug }))).created).toBe(true);
    });

    it('lets an article take a slug another one left: the old address then serves it, not a redirect', async () => {
      const renamed = makeArticle();
      await saveArticle(db, renamed);
      await saveArticle(db, { ...renamed, slug: `${renamed.slug}-new` });
      expect(await slugHistory(renamed.slug)).toHaveLength(1);
      const taker = makeArticle({ slug: renamed.slug });
      await saveArticle(db, taker);
      expect(await slugHistory(renamed.slug)).toEqual([]);
      expect((await selectArticleBySlug(db, 'en', renamed.slug))!.externalId).toBe(taker.id);
    });
  });

  describe('translation pairs', () => {
    it('refuses a second version of a language for one story, unless told to replace the pair', async () => {
      const en = makeArticle();
      const zh1 = makeArticle({ locale: 'zh', translationOf: en.id });
      const zh2 = makeArticle({ locale: 'zh', translationOf: en.id });
      await saveArticle(db, en);
      await saveArticle(db, zh1);
      const conflict = await conflictOf(() => saveArticle(db, zh2));
      expect(conflict).toMatchObject({ field: 'translationOf' });
      expect(conflict.message).toContain(zh1.id);
      expect((await selectArticleByExternalId(db, zh2.id))).toBeNull();

      const saved = await saveArticle(db, zh2, Date.now(), { replaceTranslation: true });
      expect(saved.detached).toEqual([zh1.id]);
      expect((await selectTranslationGroup(db, en.id)).map((a) => a.externalId).sort()).toEqual([en.id, zh2.id].sort());
      // The one replaced is a story of its own again, named after itself (so an export says no translationOf).
      expect((await selectArticleByExternalId(db, zh1.id))!.translationGroup).toBe(zh1.id);
    });

    it('refuses to move an article out of its pair without replaceTranslation', async () => {
      const en = makeArticle();
      const zh = makeArticle({ locale: 'zh', translationOf: en.id });
      const otherZh = makeArticle({ locale: 'zh' });
      for (const article of [en, zh, otherZh]) await saveArticle(db, article);
      expect((await conflictOf(() => saveArticle(db, { ...en, translationOf: otherZh.id }))).field).toBe('translationOf');
      await saveArticle(db, { ...en, translationOf: otherZh.id }, Date.now(), { replaceTranslation: true });
      expect((await selectArticleByExternalId(db, en.id))!.translationGroup).toBe(otherZh.id);
      expect((await selectArticleByExternalId(db, zh.id))!.translationGroup).toBe(zh.id);
    });

    it('keeps a pair when a version is sent again without translationOf', async () => {
      const en = makeArticle();
      const zh = makeArticle({ locale: 'zh', translationOf: en.id });
      await saveArticle(db, en);
      await saveArticle(db, zh);
      await saveArticle(db, { ...zh, translationOf: undefined, headline: 'again' });
      expect((await selectArticleByExternalId(db, zh.id))!.translationGroup).toBe(en.id);
    });

    it('lets a translation arrive before its original, and refuses an original of the same language then', async () => {
      const zh = makeArticle({ locale: 'zh', translationOf: 'original-later' });
      await saveArticle(db, zh);
      await saveArticle(db, makeArticle({ id: 'original-later' }));
      expect((await selectTranslationGroup(db, 'original-later')).map((a) => a.externalId).sort()).toEqual(['original-later', zh.id].sort());

      await saveArticle(db, makeArticle({ locale: 'zh', translationOf: 'zh-original-later' }));
      expect((await conflictOf(() => saveArticle(db, makeArticle({ id: 'zh-original-later', locale: 'zh' })))).field).toBe('id');
    });

    it('refuses a change of language into a language the story already has', async () => {
      const en = makeArticle();
      const zh = makeArticle({ locale: 'zh', translationOf: en.id });
      await saveArticle(db, en);
      await saveArticle(db, zh);
      expect((await conflictOf(() => saveArticle(db, { ...en, locale: 'zh' }))).field).toBe('locale');
    });

    it('is a constraint of the database too (migration 5)', async () => {
      const en = makeArticle();
      await saveArticle(db, en);
      await saveArticle(db, makeArticle({ locale: 'zh', translationOf: en.id }));
      const lone = makeArticle({ locale: 'zh' });
      await saveArticle(db, lone);
      const update = db.updateTable('articles').set({ translation_group: en.id }).where('external_id', '=', lone.id).execute();
      expect(uniqueViolation(await update.catch((error: unknown) => error))).not.toBeNull();
    });
  });
});

// PostgreSQL only: SQLite's second connection would have to be in another process (one thread
// waiting for its own other connection's lock only waits out busy_timeout); between processes
// the write lock that BEGIN IMMEDIATE takes serializes the writers.
describe('postgres, two instances at once', () => {
  it('lets one of two writers take a free slug and gives the other a conflict, never both', async () => {
    const t = await openTestDatabase('postgres');
    // A second pool on the same database, as another instance of the site would hold.
    const second = postgresDatabase(t.location, { poolSize: 2 });
    try {
      await addChannels(t.db, ['news']);
      for (let round = 0; round < 5; round++) {
        const slug = `race-${round}`;
        const outcomes = await Promise.allSettled([
          saveArticle(t.db, makeArticle({ slug })),
          saveArticle(second, makeArticle({ slug })),
        ]);
        expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
        const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
        expect(refused.reason).toBeInstanceOf(ArticleConflictError);
        expect(await t.db.selectFrom('articles').select('id').where('slug', '=', slug).execute()).toHaveLength(1);
      }
    } finally {
      await second.destroy();
      await t.close();
    }
  });
});

describe('migration 5', () => {
  it('keeps the first version of a language in a group, gives the others their own, and makes it unique', () => {
    const old = new BetterSqlite3(':memory:');
    for (const sql of migrations.slice(0, 4)) old.exec(sql);
    old.pragma('user_version = 4');
    old.exec(`INSERT INTO channels (slug, position, name_en, name_zh) VALUES ('news', 0, 'News', '新闻')`);
    const insert = old.prepare(
      `INSERT INTO articles (external_id, locale, channel, slug, headline, summary, body_html, published_at, published_ms,
         status, translation_group, created_ms, modified_ms)
       VALUES (?, ?, 'news', ?, 'h', 's', '<p>b</p>', '2026-11-01T09:00:00+08:00', 0, 'published', ?, 0, 0)`,
    );
    insert.run('en-1', 'en', 'en-1', 'en-1');
    insert.run('zh-1', 'zh', 'zh-1', 'en-1');
    insert.run('zh-2', 'zh', 'zh-2', 'en-1');
    migrate(old);
    const groups = old.prepare('SELECT external_id, translation_group FROM articles ORDER BY id').all();
    expect(groups).toEqual([
      { external_id: 'en-1', translation_group: 'en-1' },
      { external_id: 'zh-1', translation_group: 'en-1' },
      { external_id: 'zh-2', translation_group: 'zh-2' },
    ]);
    expect(() => old.prepare(`UPDATE articles SET translation_group = 'en-1' WHERE external_id = 'zh-2'`).run()).toThrow(/UNIQUE/);
    old.close();
  });
});
