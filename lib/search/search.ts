import { type Database, getDatabase } from '../db/database';
import { selectChannels, toSummary } from '../db/content-read';
import { countSearchMatches, type SearchFilter, selectBylines, selectSearchMatches } from '../db/search';
import { otherLocale } from '../i18n/locales';
import { analyzeQuery } from './analyze';
import { markMatches, snippetRuns } from './highlight';
import { ensureSearchIndex, htmlToText } from './indexing';
import { SEARCH_PAGE_SIZE, type SearchHit, type SearchRequest, type SearchResults, type SearchTime } from './types';

/*
 * Search (issue 16): the reader's words analyzed once (lib/search/analyze.ts), matched and
 * ranked by the engine (lib/db/search.ts), then shaped into hits with marked headline and
 * snippet. Only published articles whose time has come are ever found.
 */

const HOUR_MS = 3_600_000;
const WINDOW_MS: Record<SearchTime, number | null> = {
  day: 24 * HOUR_MS,
  week: 7 * 24 * HOUR_MS,
  month: 30 * 24 * HOUR_MS,
  year: 365 * 24 * HOUR_MS,
  any: null,
};

const indexChecked = new WeakMap<Database, Promise<unknown>>();

/**
 * Once per process and database: articles stored before the index existed (an upgraded
 * database, a copy) are analyzed before the first search answers, so none is missing.
 */
function checkIndexOnce(db: Database): Promise<unknown> {
  let check = indexChecked.get(db);
  if (!check) {
    check = ensureSearchIndex(db).catch((error: unknown) => {
      indexChecked.delete(db);
      throw error;
    });
    indexChecked.set(db, check);
  }
  return check;
}

/** No hits. Words that analyze to nothing ("!!!") found nothing in either language: 0, not null. */
/** No hits: for no words (no search ran) or, with words, nothing found. */
export function emptyResults(request: SearchRequest): SearchResults {
  return { request, hits: [], total: 0, totalPages: 0, otherLocaleTotal: request.q.trim() ? 0 : null, matchedAllWords: true };
}

/** One page of results for a reader's search, on the configured database. Empty words: no search, total 0. */
export async function searchArticles(request: SearchRequest): Promise<SearchResults> {
  // searchArticlesIn answers words that analyze to nothing itself: the query is analyzed once.
  return searchArticlesIn(await getDatabase(), request);
}

/** searchArticles on a given database, at a given time (tests, the benchmark). */
export async function searchArticlesIn(db: Database, request: SearchRequest, now = Date.now()): Promise<SearchResults> {
  const tokens = analyzeQuery(request.q);
  if (tokens.length === 0) return emptyResults(request);
  await checkIndexOnce(db);
  const window = WINDOW_MS[request.time];
  let filter: SearchFilter = {
    locale: request.locale,
    tokens,
    match: 'all',
    channel: request.channel,
    sinceMs: window === null ? null : now - window,
    now,
  };
  const page = Math.max(1, Math.floor(request.page));
  const pageOf = (of: SearchFilter) =>
    selectSearchMatches(db, { ...of, order: request.order, limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE });
  let rows = await pageOf(filter);
  // The page's rows carry the total; a page past the end (or no match) has to count.
  let total = rows[0]?.total ?? (page > 1 ? await countSearchMatches(db, filter) : 0);
  if (total === 0) {
    const other = await countSearchMatches(db, { ...filter, locale: otherLocale(request.locale), channel: null });
    if (other > 0 || tokens.length === 1) return { ...emptyResults(request), otherLocaleTotal: other };
    // A half-remembered query often has one word the story never used ("swimming" for
    // "swimmers"): rather than nothing, the stories with most of the words, best first.
    filter = { ...filter, match: 'any' };
    rows = await pageOf(filter);
    total = rows[0]?.total ?? (page > 1 ? await countSearchMatches(db, filter) : 0);
    if (total === 0) return { ...emptyResults(request), otherLocaleTotal: 0 };
  }
  const totalPages = Math.ceil(total / SEARCH_PAGE_SIZE);
  const [bylines, channels] = await Promise.all([
    selectBylines(db, request.locale, rows.map((row) => row.id)),
    selectChannels(db, request.locale),
  ]);
  const channelNames = new Map(channels.map((channel) => [channel.slug, channel.name]));
  const hits: SearchHit[] = rows.map((row) => {
    const { body_html: bodyHtml, total: _total, ...summaryRow } = row;
    return {
      article: toSummary(summaryRow),
      channelName: channelNames.get(row.channel) ?? row.channel,
      authors: bylines.get(row.id) ?? [],
      headline: markMatches(row.headline, tokens),
      snippet: snippetRuns(`${row.summary} ${htmlToText(bodyHtml)}`.trim(), tokens),
    };
  });
  return { request, hits, total, totalPages, otherLocaleTotal: null, matchedAllWords: filter.match === 'all' };
}
