import type { Locale } from '../i18n/locales';
import type { ArticleSummary } from '../content/types';

/*
 * The search contract between the index (lib/search/index.ts over lib/db/search.ts) and what
 * shows results (the search page, GET /api/search). Issue 16.
 */

/** How far back a search looks: the past day, week, month, year, or everything. */
export type SearchTime = 'day' | 'week' | 'month' | 'year' | 'any';
/** Best match (relevance with recency blended in) or newest first. */
export type SearchOrder = 'relevance' | 'newest';

export const SEARCH_TIMES: readonly SearchTime[] = ['any', 'day', 'week', 'month', 'year'];
export const SEARCH_ORDERS: readonly SearchOrder[] = ['relevance', 'newest'];
export const SEARCH_PAGE_SIZE = 10;
/** Longer queries are refused with 400 (query_too_long) before any analysis. */
export const SEARCH_QUERY_MAX_CHARS = 200;

/** A search as the page and the API ask for it, already validated (lib/search/query.ts). */
export interface SearchRequest {
  locale: Locale;
  /** The reader's words, trimmed and whitespace-collapsed; may be empty (then: no search). */
  q: string;
  /** A channel slug, or null for every channel. */
  channel: string | null;
  time: SearchTime;
  order: SearchOrder;
  /** 1-based. */
  page: number;
}

/** A stretch of a snippet or headline: plain text, marked when it matched a query term. */
export interface TextRun {
  text: string;
  match: boolean;
}

export interface SearchHit {
  article: ArticleSummary;
  /** The channel's name in the page's language. */
  channelName: string;
  /** Author names in the page's language, in byline order. */
  authors: string[];
  /** The headline split into runs, matched terms marked. */
  headline: TextRun[];
  /** About 30 words (or 80 Chinese characters) around the best match, from the summary or body. */
  snippet: TextRun[];
}

export interface SearchResults {
  request: SearchRequest;
  hits: SearchHit[];
  /** Matches over all pages. */
  total: number;
  totalPages: number;
  /**
   * When this language has no match: how many the other language's articles have for the same
   * words (same filters except channel and page), so the page can offer a link. Otherwise null.
   */
  otherLocaleTotal: number | null;
  /**
   * False when no article has every word and the hits have only some of them (the fallback
   * for a half-remembered query), so the page can say so. True otherwise, also with no hits.
   */
  matchedAllWords: boolean;
}
