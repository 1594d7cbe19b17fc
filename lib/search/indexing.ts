import type { Database } from '../db/database';
import { writeTransaction } from '../db/engine';
import {
  clearSearchIndex,
  countSearchDocuments,
  type IndexableArticle,
  optimizeSearchIndex,
  selectArticlesToIndex,
  selectUnindexedArticles,
  writeSearchDocument,
} from '../db/search';
import { type SearchDocument, searchDocument } from './analyze';

/*
 * Keeping the search index current. Every article write goes through saveArticle
 * (lib/content/article-write.ts), whose record carries the analyzed text; lib/db writes it in
 * the article's own transaction, so the index never disagrees with the articles table. Status
 * changes (withdraw, draft, republish) need nothing here: search checks the article's status
 * and time in the same query (lib/db/search.ts). What remains is a database whose articles
 * came in another way (stored before migration 7, copied by db:copy): ensureSearchIndex fills
 * those in, and `npm run search:rebuild` redoes everything (after an analyzer change).
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The reading text of an article body's HTML: tags become spaces, entities their characters. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity: string, name: string) => {
      if (name.startsWith('#')) {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** An article's searchable text analyzed: headline, summary, and the body as plain text. */
export function articleSearchDocument(article: { headline: string; summary: string; bodyHtml: string }): SearchDocument {
  return searchDocument({ headline: article.headline, summary: article.summary, bodyText: htmlToText(article.bodyHtml) });
}

const BATCH = 500;
/** The write lock of article writes (lib/db/content-write.ts): indexing waits for them and they for it. */
const ARTICLES_LOCK = 'articles';

async function indexBatch(db: Database, articles: IndexableArticle[]): Promise<void> {
  await writeTransaction(db, ARTICLES_LOCK, async (trx) => {
    for (const article of articles) {
      await writeSearchDocument(trx, article.id, articleSearchDocument({ ...article, bodyHtml: article.body_html }));
    }
  });
}

/**
 * Indexes the articles `select` gives, batch after batch in id order (each batch its own
 * transaction, so article writes wait at most one batch); returns how many.
 */
async function indexInBatches(
  db: Database,
  select: (afterId: number) => Promise<IndexableArticle[]>,
  onProgress?: (done: number) => void,
): Promise<number> {
  let done = 0;
  let afterId = 0;
  for (;;) {
    const articles = await select(afterId);
    if (articles.length === 0) return done;
    await indexBatch(db, articles);
    done += articles.length;
    afterId = articles.at(-1)!.id;
    onProgress?.(done);
  }
}

/**
 * Indexes every article that has no search document yet; returns how many. Cheap when there
 * are none (one indexed anti-join). Safe with several instances at once: a document written
 * twice is the same document.
 */
export async function ensureSearchIndex(db: Database): Promise<number> {
  const total = await indexInBatches(db, (afterId) => selectUnindexedArticles(db, afterId, BATCH));
  if (total > 0) await optimizeSearchIndex(db);
  return total;
}

/** Drops the index and analyzes every article again (`npm run search:rebuild`); returns the documents written. */
export async function rebuildSearchIndex(db: Database, onProgress?: (done: number) => void): Promise<number> {
  await clearSearchIndex(db);
  await indexInBatches(db, (afterId) => selectArticlesToIndex(db, afterId, BATCH), onProgress);
  // Articles written meanwhile by another process were indexed by their own transactions.
  await optimizeSearchIndex(db);
  return countSearchDocuments(db);
}
