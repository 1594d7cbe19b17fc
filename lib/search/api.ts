import { getChannel } from '../content/articles';
import { errorResponse } from '../http/errors';
import { isLocale } from '../i18n/locales';
import { paths } from '../i18n/paths';
import { absoluteUrl } from '../seo/absolute-url';
import { toShanghaiIso } from '../time';
import { SEARCH_CACHE_CONTROL } from './http';
import { parseSearchParams, SEARCH_PROBLEM_MESSAGES } from './query';
import { takeSearchAllowance } from './rate-limit';
import { emptyResults, searchArticles } from './search';
import type { SearchResults, TextRun } from './types';

/*
 * GET /api/search?locale=&q=&channel=&time=&order=&page= : the search page's results as JSON,
 * read and refused the same way as the page (lib/search/query.ts), counted against the same
 * per-client limit (lib/search/rate-limit.ts).
 */

export interface SearchHitJson {
  url: string;
  /** The headline and the snippet as runs of text, matched ones with `match: true`. */
  headline: TextRun[];
  snippet: TextRun[];
  channel: { slug: string; name: string };
  /** ISO 8601 in the site's time zone (+08:00). */
  date: string;
  authors: string[];
}

export interface SearchResultsJson {
  locale: string;
  q: string;
  channel: string | null;
  time: string;
  order: string;
  page: number;
  total: number;
  totalPages: number;
  otherLocaleTotal: number | null;
  /** False when no article has all the words and these hits have some of them. */
  matchedAllWords: boolean;
  hits: SearchHitJson[];
}

export function searchResultsJson(results: SearchResults): SearchResultsJson {
  const { request } = results;
  return {
    locale: request.locale,
    q: request.q,
    channel: request.channel,
    time: request.time,
    order: request.order,
    page: request.page,
    total: results.total,
    totalPages: results.totalPages,
    otherLocaleTotal: results.otherLocaleTotal,
    matchedAllWords: results.matchedAllWords,
    hits: results.hits.map((hit) => ({
      url: absoluteUrl(paths.article(hit.article.locale, hit.article.channel, hit.article.slug)),
      headline: hit.headline,
      snippet: hit.snippet,
      channel: { slug: hit.article.channel, name: hit.channelName },
      date: toShanghaiIso(hit.article.publishedAt),
      authors: hit.authors,
    })),
  };
}

/** The whole answer of GET /api/search for a request's query and client. */
export async function answerSearchApi(query: URLSearchParams, client: string): Promise<Response> {
  const allowance = takeSearchAllowance(client);
  if (!allowance.allowed) {
    return errorResponse('rate_limited', 'too many searches; wait and try again', {
      headers: { 'Retry-After': String(allowance.retryAfterSeconds) },
    });
  }
  const locale = query.get('locale');
  if (!isLocale(locale)) return errorResponse('bad_request', 'locale must be en or zh');
  const parsed = parseSearchParams(locale, query);
  if (!parsed.ok) {
    return errorResponse(parsed.problem === 'query_too_long' ? 'query_too_long' : 'bad_request', SEARCH_PROBLEM_MESSAGES[parsed.problem]);
  }
  const { request } = parsed;
  if (request.channel !== null && !(await getChannel(locale, request.channel))) {
    return errorResponse('bad_request', SEARCH_PROBLEM_MESSAGES.bad_channel);
  }
  const results = request.q ? await searchArticles(request) : emptyResults(request);
  if (request.page > Math.max(1, results.totalPages)) return errorResponse('not_found', 'no such page of these results');
  return Response.json(searchResultsJson(results), { headers: { 'Cache-Control': SEARCH_CACHE_CONTROL } });
}
