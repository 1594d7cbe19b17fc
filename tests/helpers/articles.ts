import type { ArticleInput } from '@/lib/content/article-input';
import { saveArticle } from '@/lib/content/article-write';
import type { Db } from '@/lib/db/connection';
import { upsertChannel } from '@/lib/db/content-write';
import { type Database, sqliteDatabase } from '@/lib/db/database';

const wrapped = new WeakMap<Db, Database>();

/**
 * The query builder over a database: tests that still hold the synchronous SQLite handle
 * (lib/db/connection.ts's getDb) get a Database over the same connection.
 */
export function asDatabase(db: Db | Database): Database {
  if (!('prepare' in db)) return db;
  let found = wrapped.get(db);
  if (!found) {
    found = sqliteDatabase(db);
    wrapped.set(db, found);
  }
  return found;
}

export async function addChannels(db: Db | Database, slugs: string[]): Promise<void> {
  for (const [position, slug] of slugs.entries()) {
    await upsertChannel(asDatabase(db), {
      slug,
      position,
      name: { en: `${slug} (en)`, zh: `${slug}（中）` },
      description: { en: `About ${slug}`, zh: `关于${slug}` },
    });
  }
}

let counter = 0;

/** A valid article with sensible defaults; override what the test is about. */
export function makeArticle(overrides: Partial<ArticleInput> = {}): ArticleInput {
  counter += 1;
  return {
    id: `test-${counter}`,
    locale: 'en',
    section: 'news',
    slug: `test-article-${counter}`,
    headline: `Test headline ${counter}`,
    summary: `Summary ${counter}`,
    bodyHtml: '<p>Body</p>',
    authors: [{ name: 'Li Wen' }],
    publishedAt: '2026-11-01T09:00:00+08:00',
    tags: [],
    status: 'published',
    ...overrides,
  };
}

export async function addArticle(db: Db | Database, overrides: Partial<ArticleInput> = {}): Promise<ArticleInput> {
  const article = makeArticle(overrides);
  await saveArticle(asDatabase(db), article);
  return article;
}
