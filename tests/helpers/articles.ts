import type { ArticleInput } from '@/lib/content/article-input';
import { saveArticle } from '@/lib/content/article-write';
import type { Db } from '@/lib/db/connection';
import { upsertChannel } from '@/lib/db/content-write';

export function addChannels(db: Db, slugs: string[]): void {
  slugs.forEach((slug, position) =>
    upsertChannel(db, {
      slug,
      position,
      name: { en: `${slug} (en)`, zh: `${slug}（中）` },
      description: { en: `About ${slug}`, zh: `关于${slug}` },
    }),
  );
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

export function addArticle(db: Db, overrides: Partial<ArticleInput> = {}): ArticleInput {
  const article = makeArticle(overrides);
  saveArticle(db, article);
  return article;
}
