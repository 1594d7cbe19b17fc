import type { Locale } from '../i18n/locales';
import type { SearchDocument } from '../search/analyze';
import type { SearchOrder } from '../search/types';
import { type RawBuilder, sql } from 'kysely';
import { type SummaryRow, SUMMARY_SELECTION } from './content-read';
import { type Database, engineOf } from './database';

/*
 * The search index on both engines (migration 7; docs/decisions/0019-search.md). It receives
 * tokens already analyzed by lib/search/analyze.ts (letters and digits only) and never the
 * reader's text, so no query syntax of either engine can be reached from a search box.
 *
 * SQLite: search_documents (tokens joined by spaces) → FTS5 search_fts, ranked by bm25 with
 * column weights. PostgreSQL: search_documents.document, a tsvector with weights A/B/C built
 * here as a literal (no text parser), GIN-indexed, ranked by ts_rank.
 *
 * Every article has its document whatever its status: whether a reader may see it is the
 * articles row's business (published and due), checked in the query as every list does. So a
 * withdrawal, or a scheduled article coming due, changes what search finds at the same instant
 * as the rest of the site, with nothing to keep in step.
 */

/** Relevance weights of headline, summary and body (SQLite bm25; the PostgreSQL weights below follow them). */
const SQLITE_WEIGHTS = [10, 3, 1] as const;
/** ts_rank's weights for D, C, B, A: body C, summary B, headline A. */
const POSTGRES_WEIGHTS = '{0, 0.1, 0.3, 1.0}';
/**
 * Recency blended into relevance: the score is multiplied by 0.6 + 0.4 / (1 + age / 90 days),
 * from 1 for a story published now down towards 0.6 for an old one. Enough to put the newer
 * of two similar matches first; never enough to lift a body-only match over a headline match
 * (a headline weighs ten times the body).
 */
const RECENCY_FLOOR = 0.6;
const RECENCY_DAYS = 90;
const DAY_MS = 86_400_000;

/**
 * Positions kept per lexeme (PostgreSQL allows 256; positions go up to 16,383). ts_rank reads
 * every position of every matching lexeme, and a word's eighth occurrence adds little to its
 * weight: eight keep the tsvector small and the ranking of thousands of matches quick. The
 * headline's come first, so they are always kept.
 */
const MAX_POSITIONS = 8;
const MAX_POSITION = 16_383;

/** A token as a tsvector or tsquery literal's quoted lexeme (analyzed tokens hold no quote or backslash; escaped anyway). */
function quoteLexeme(token: string): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The tsvector literal of a document: each token with its positions, weighted A (headline), B (summary), C (body). */
export function tsvectorLiteral(document: SearchDocument): string {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const [text, weight] of [
    [document.headline, 'A'],
    [document.summary, 'B'],
    [document.body, 'C'],
  ] as const) {
    for (const token of text.split(' ')) {
      if (!token) continue;
      position = Math.min(position + 1, MAX_POSITION);
      const list = positions.get(token) ?? [];
      if (list.length < MAX_POSITIONS) list.push(`${position}${weight}`);
      positions.set(token, list);
    }
  }
  return [...positions].map(([token, list]) => `${quoteLexeme(token)}:${list.join(',')}`).join(' ');
}

/** Stores (or replaces) an article's analyzed text. Call inside the article's write transaction. */
export async function writeSearchDocument(db: Database, articleId: number, document: SearchDocument): Promise<void> {
  if (engineOf(db) === 'postgres') {
    await sql`
      INSERT INTO search_documents (article_id, document) VALUES (${articleId}, CAST(${tsvectorLiteral(document)} AS tsvector))
      ON CONFLICT (article_id) DO UPDATE SET document = excluded.document`.execute(db);
    return;
  }
  await sql`
    INSERT INTO search_documents (article_id, headline, summary, body)
    VALUES (${articleId}, ${document.headline}, ${document.summary}, ${document.body})
    ON CONFLICT (article_id) DO UPDATE SET headline = excluded.headline, summary = excluded.summary, body = excluded.body`.execute(db);
}

export interface SearchFilter {
  locale: Locale;
  /** Analyzed query tokens (lib/search/analyze.ts analyzeQuery), at least one. */
  tokens: string[];
  /** 'all': every token must match; 'any': at least one (ranking then favours articles with more). */
  match: 'all' | 'any';
  channel: string | null;
  /** Published at or after this (ms), or null for any time. */
  sinceMs: number | null;
  now: number;
}

export interface SearchRow extends SummaryRow {
  body_html: string;
  /** How many articles match over all pages (counted in the same pass as the page). */
  total: number;
}

/**
 * The engine's matches joined to their articles (aliased `m`, only the filter columns read) and
 * the score of each. SQLite reads `m` through articles_search_filter, a covering index keyed by
 * id: an article row keeps its status and time after the body, in overflow pages, and reading
 * them for thousands of matches was most of a search's time.
 */
function matchParts(db: Database, { tokens, match: mode, now }: SearchFilter): { from: RawBuilder<unknown>; score: RawBuilder<number> } {
  // Literals, not parameters: PostgreSQL must see numbers to pick the arithmetic's types.
  const recency = sql<number>`(${sql.lit(RECENCY_FLOOR)} + ${sql.lit(1 - RECENCY_FLOOR)} / (1.0 + CAST(${sql.lit(now)} - m.published_ms AS DOUBLE PRECISION) / ${sql.lit(DAY_MS * RECENCY_DAYS)}))`;
  if (engineOf(db) === 'postgres') {
    const query = tokens.map(quoteLexeme).join(mode === 'all' ? ' & ' : ' | ');
    return {
      from: sql`search_documents d JOIN articles m ON m.id = d.article_id AND d.document @@ CAST(${query} AS tsquery)`,
      score: sql<number>`ts_rank(CAST(${POSTGRES_WEIGHTS} AS real[]), d.document, CAST(${query} AS tsquery)) * ${recency}`,
    };
  }
  // Each token a quoted FTS5 string; juxtaposed strings must all match.
  const match = tokens.map((token) => `"${token.replace(/"/g, '""')}"`).join(mode === 'all' ? ' ' : ' OR ');
  const [headline, summary, body] = SQLITE_WEIGHTS;
  return {
    // CROSS JOIN keeps SQLite on the full-text index first, then one probe of the index per match.
    from: sql`search_fts f CROSS JOIN articles m INDEXED BY articles_search_filter ON m.id = f.rowid AND search_fts MATCH ${match}`,
    score: sql<number>`-bm25(search_fts, ${sql.lit(headline)}, ${sql.lit(summary)}, ${sql.lit(body)}) * ${recency}`,
  };
}

function conditions(filter: SearchFilter): RawBuilder<unknown> {
  const parts = [sql`m.locale = ${filter.locale}`, sql`m.status = 'published'`, sql`m.published_ms <= ${filter.now}`];
  if (filter.sinceMs !== null) parts.push(sql`m.published_ms >= ${filter.sinceMs}`);
  if (filter.channel !== null) parts.push(sql`m.channel = ${filter.channel}`);
  return sql.join(parts, sql` AND `);
}

/**
 * One page of matches that readers may see, best first (relevance blended with recency) or
 * newest first, each row with the total (a window count over the same pass: the matches are
 * found and filtered once). The page's ids are chosen from the narrow rows first; only those
 * ten articles are then read whole. A page past the end is empty: countSearchMatches then.
 */
export async function selectSearchMatches(
  db: Database,
  filter: SearchFilter & { order: SearchOrder; limit: number; offset: number },
): Promise<SearchRow[]> {
  const { from, score } = matchParts(db, filter);
  const columns = sql.join([...SUMMARY_SELECTION, 'a.body_html'].map((column) => sql.ref(column)));
  const rank = filter.order === 'newest' ? sql`0` : score;
  // The matches are materialized before the window count: SQLite allows bm25() only in a
  // query over the full-text table itself, not in one that computes a window function.
  const { rows } = await sql<SearchRow>`
    WITH matched AS MATERIALIZED (
      SELECT m.id AS id, m.published_ms AS published_ms, ${rank} AS score FROM ${from}
      WHERE ${conditions(filter)}
    )
    SELECT ${columns}, page.total FROM (
      SELECT id, published_ms, score, COUNT(*) OVER () AS total FROM matched
      ORDER BY score DESC, published_ms DESC, id DESC
      LIMIT ${filter.limit} OFFSET ${filter.offset}
    ) page
    JOIN articles a ON a.id = page.id
    ORDER BY page.score DESC, page.published_ms DESC, page.id DESC`.execute(db);
  return rows;
}

/** How many articles readers may see match. */
export async function countSearchMatches(db: Database, filter: SearchFilter): Promise<number> {
  const { from } = matchParts(db, filter);
  const { rows } = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${from} WHERE ${conditions(filter)}`.execute(db);
  return Number(rows[0]!.n);
}

/** Author names of articles in the page's language, in byline order, by article id. */
export async function selectBylines(db: Database, locale: Locale, articleIds: number[]): Promise<Map<number, string[]>> {
  const names = new Map<number, string[]>(articleIds.map((id) => [id, []]));
  if (articleIds.length === 0) return names;
  const rows = await db
    .selectFrom('article_authors as aa')
    .innerJoin('authors as au', 'au.id', 'aa.author_id')
    .select(['aa.article_id', `au.name_${locale} as name`])
    .where('aa.article_id', 'in', articleIds)
    .orderBy('aa.article_id')
    .orderBy('aa.position')
    .execute();
  for (const row of rows) names.get(row.article_id)?.push(row.name);
  return names;
}

/** The text of an article that search analyzes. */
export interface IndexableArticle {
  id: number;
  headline: string;
  summary: string;
  body_html: string;
}

/**
 * Articles after `afterId` that have no search document yet (stored before migration 7, or
 * copied in), in id order, at most `limit`. The caller passes the last id it got, so a walk
 * over an unindexed archive reads each article once (PostgreSQL otherwise planned a full
 * anti-join for every batch).
 */
export async function selectUnindexedArticles(db: Database, afterId: number, limit: number): Promise<IndexableArticle[]> {
  const { rows } = await sql<IndexableArticle>`
    SELECT a.id, a.headline, a.summary, a.body_html FROM articles a
    WHERE a.id > ${afterId} AND NOT EXISTS (SELECT 1 FROM search_documents d WHERE d.article_id = a.id)
    ORDER BY a.id LIMIT ${limit}`.execute(db);
  return rows;
}

/** Articles by id after `afterId`, in id order: a rebuild walks the whole table in batches. */
export async function selectArticlesToIndex(db: Database, afterId: number, limit: number): Promise<IndexableArticle[]> {
  return db
    .selectFrom('articles')
    .select(['id', 'headline', 'summary', 'body_html'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Drops every search document (a rebuild writes them again). */
export async function clearSearchIndex(db: Database): Promise<void> {
  await sql`DELETE FROM search_documents`.execute(db);
}

/** After a bulk load: SQLite merges the full-text index's segments, PostgreSQL refreshes its statistics. */
export async function optimizeSearchIndex(db: Database): Promise<void> {
  if (engineOf(db) === 'postgres') {
    await sql`ANALYZE search_documents`.execute(db);
    await sql`ANALYZE articles`.execute(db);
  } else {
    await sql`INSERT INTO search_fts (search_fts) VALUES ('optimize')`.execute(db);
  }
}

export async function countSearchDocuments(db: Database): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM search_documents`.execute(db);
  return Number(rows[0]!.n);
}
