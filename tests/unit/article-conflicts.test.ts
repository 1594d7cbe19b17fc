import Database from 'better-sqlite3';
import { saveArticle } from '@/lib/content/article-write';
import { getDb, migrate } from '@/lib/db/connection';
import { selectArticleByExternalId, selectArticleBySlug, selectTranslationGroup } from '@/lib/db/content-read';
import { ArticleConflictError } from '@/lib/db/content-write';
import { sqliteMigrations as migrations } from '@/lib/db/migrations';
import { addChannels, makeArticle } from '../helpers/articles';

/*
 * What an article can conflict with in the database (issue 14): another article's slug in its
 * language, and a story's one version per language. A conflict writes nothing.
 */

const db = getDb();
beforeAll(() => addChannels(db, ['news', 'culture']));

function conflictOf(run: () => unknown): { field: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof ArticleConflictError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('no conflict');
}

const countArticles = () => (db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;

describe('slugs', () => {
  it.each([
    ['published, same channel', {}],
    ['draft, other channel', { status: 'draft' as const, section: 'culture' }],
    ['withdrawn', { status: 'withdrawn' as const }],
  ])('refuses the slug of another article of the language (%s), storing nothing', (_, other) => {
    const first = makeArticle(other);
    saveArticle(db, first);
    const before = countArticles();
    const conflict = conflictOf(() => saveArticle(db, makeArticle({ slug: first.slug, authors: [{ name: 'A New Byline' }], tags: ['new-tag'] })));
    expect(conflict.field).toBe('slug');
    expect(conflict.message).toContain(first.id);
    expect(countArticles()).toBe(before);
    expect(db.prepare(`SELECT COUNT(*) AS n FROM authors WHERE name_en = 'A New Byline'`).get()).toEqual({ n: 0 });
  });

  it('refuses a rename onto another article’s slug and keeps both as they were', () => {
    const a = makeArticle();
    const b = makeArticle();
    saveArticle(db, a);
    saveArticle(db, b);
    expect(conflictOf(() => saveArticle(db, { ...b, slug: a.slug, headline: 'Changed' })).field).toBe('slug');
    expect(selectArticleByExternalId(db, b.id)).toMatchObject({ slug: b.slug, headline: b.headline });
  });

  it('lets the other language use the same slug', () => {
    const en = makeArticle();
    saveArticle(db, en);
    expect(saveArticle(db, makeArticle({ locale: 'zh', slug: en.slug })).created).toBe(true);
  });

  it('lets an article take a slug another one left: the old address then serves it, not a redirect', () => {
    const renamed = makeArticle();
    saveArticle(db, renamed);
    saveArticle(db, { ...renamed, slug: `${renamed.slug}-new` });
    expect(db.prepare('SELECT article_id FROM article_slug_history WHERE slug = ?').get(renamed.slug)).toBeDefined();
    const taker = makeArticle({ slug: renamed.slug });
    saveArticle(db, taker);
    expect(db.prepare('SELECT article_id FROM article_slug_history WHERE slug = ?').get(renamed.slug)).toBeUndefined();
    expect(selectArticleBySlug(db, 'en', renamed.slug)!.externalId).toBe(taker.id);
  });
});

describe('translation pairs', () => {
  it('refuses a second version of a language for one story, unless told to replace the pair', () => {
    const en = makeArticle();
    const zh1 = makeArticle({ locale: 'zh', translationOf: en.id });
    const zh2 = makeArticle({ locale: 'zh', translationOf: en.id });
    saveArticle(db, en);
    saveArticle(db, zh1);
    const conflict = conflictOf(() => saveArticle(db, zh2));
    expect(conflict).toMatchObject({ field: 'translationOf' });
    expect(conflict.message).toContain(zh1.id);
    expect(selectArticleByExternalId(db, zh2.id)).toBeNull();

    const saved = saveArticle(db, zh2, Date.now(), { replaceTranslation: true });
    expect(saved.detached).toEqual([zh1.id]);
    expect(selectTranslationGroup(db, en.id).map((a) => a.externalId).sort()).toEqual([en.id, zh2.id].sort());
    // The one replaced is a story of its own again, named after itself (so an export says no translationOf).
    expect(selectArticleByExternalId(db, zh1.id)!.translationGroup).toBe(zh1.id);
  });

  it('refuses to move an article out of its pair without replaceTranslation', () => {
    const en = makeArticle();
    const zh = makeArticle({ locale: 'zh', translationOf: en.id });
    const otherZh = makeArticle({ locale: 'zh' });
    for (const article of [en, zh, otherZh]) saveArticle(db, article);
    expect(conflictOf(() => saveArticle(db, { ...en, translationOf: otherZh.id })).field).toBe('translationOf');
    saveArticle(db, { ...en, translationOf: otherZh.id }, Date.now(), { replaceTranslation: true });
    expect(selectArticleByExternalId(db, en.id)!.translationGroup).toBe(otherZh.id);
    expect(selectArticleByExternalId(db, zh.id)!.translationGroup).toBe(zh.id);
  });

  it('keeps a pair when a version is sent again without translationOf', () => {
    const en = makeArticle();
    const zh = makeArticle({ locale: 'zh', translationOf: en.id });
    saveArticle(db, en);
    saveArticle(db, zh);
    saveArticle(db, { ...zh, translationOf: undefined, headline: 'again' });
    expect(selectArticleByExternalId(db, zh.id)!.translationGroup).toBe(en.id);
  });

  it('lets a translation arrive before its original, and refuses an original of the same language then', () => {
    const zh = makeArticle({ locale: 'zh', translationOf: 'original-later' });
    saveArticle(db, zh);
    saveArticle(db, makeArticle({ id: 'original-later' }));
    expect(selectTranslationGroup(db, 'original-later').map((a) => a.externalId).sort()).toEqual(['original-later', zh.id].sort());

    saveArticle(db, makeArticle({ locale: 'zh', translationOf: 'zh-original-later' }));
    expect(conflictOf(() => saveArticle(db, makeArticle({ id: 'zh-original-later', locale: 'zh' }))).field).toBe('id');
  });

  it('refuses a change of language into a language the story already has', () => {
    const en = makeArticle();
    const zh = makeArticle({ locale: 'zh', translationOf: en.id });
    saveArticle(db, en);
    saveArticle(db, zh);
    expect(conflictOf(() => saveArticle(db, { ...en, locale: 'zh' })).field).toBe('locale');
  });

  it('is a constraint of the database too (migration 5)', () => {
    const en = makeArticle();
    saveArticle(db, en);
    saveArticle(db, makeArticle({ locale: 'zh', translationOf: en.id }));
    const lone = makeArticle({ locale: 'zh' });
    saveArticle(db, lone);
    expect(() => db.prepare(`UPDATE articles SET translation_group = ? WHERE external_id = ?`).run(en.id, lone.id)).toThrow(/UNIQUE/);
  });
});

describe('migration 5', () => {
  it('keeps the first version of a language in a group, gives the others their own, and makes it unique', () => {
    const old = new Database(':memory:');
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
