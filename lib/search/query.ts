import type { Locale } from '../i18n/locales';
import { isSlug, parsePageNumber } from '../routing/rules';
import {
  SEARCH_ORDERS,
  SEARCH_QUERY_MAX_CHARS,
  SEARCH_TIMES,
  type SearchOrder,
  type SearchRequest,
  type SearchTime,
} from './types';

/*
 * A search as an address says it (`?q=…&channel=…&time=…&order=…&page=…`) into a validated
 * SearchRequest, for the proxy (which answers 308 and 400 from it), the search page and
 * GET /api/search: all three read an address the same way.
 *
 * Unknown values of channel, time, order or page are refused (400), never quietly dropped: a
 * shared link that silently loses its filter would show different results than its sender saw.
 * Parameters the search does not know (utm_…) are dropped by the redirect to the canonical
 * address (`canonicalSearchQuery`), which is also what the edge cache keys on.
 */

export type SearchQueryProblem = 'query_too_long' | 'bad_channel' | 'bad_time' | 'bad_order' | 'bad_page';

export type ParsedSearch = { ok: true; request: SearchRequest } | { ok: false; problem: SearchQueryProblem };

/** Control characters (C0, DEL, C1): a space, so that "a\nb" stays two words. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Invisible characters that only make two equal-looking queries different addresses. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * The reader's words as they are searched, shown and put in the address: NFC, no control
 * characters, lone surrogates or invisible joiners, whitespace (including the ideographic
 * space) collapsed to single spaces and trimmed.
 */
export function normalizeSearchText(raw: string): string {
  return raw
    .replace(LONE_SURROGATE, '')
    .normalize('NFC')
    .replace(CONTROL, ' ')
    .replace(INVISIBLE, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Characters as a reader counts them (code points, so an emoji or a rare Han character is one). */
export function searchTextLength(text: string): number {
  return Array.from(text).length;
}

/** Reads a parameter's first value: repeated parameters are made single by the canonical redirect. */
type ParamReader = (name: string) => string | null;

function choice<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T | null {
  if (value === null || value === '') return fallback;
  return (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/**
 * Validates a search address's parameters. A channel is checked for its shape here; whether it
 * exists is the caller's question (it needs the database).
 */
export function parseSearchParams(locale: Locale, params: URLSearchParams | ParamReader): ParsedSearch {
  const read: ParamReader = typeof params === 'function' ? params : (name) => params.get(name);
  const q = normalizeSearchText(read('q') ?? '');
  if (searchTextLength(q) > SEARCH_QUERY_MAX_CHARS) return { ok: false, problem: 'query_too_long' };
  const rawChannel = read('channel');
  const channel = rawChannel === null || rawChannel === '' ? null : rawChannel;
  if (channel !== null && !isSlug(channel)) return { ok: false, problem: 'bad_channel' };
  const time = choice<SearchTime>(read('time'), SEARCH_TIMES, 'any');
  if (time === null) return { ok: false, problem: 'bad_time' };
  const order = choice<SearchOrder>(read('order'), SEARCH_ORDERS, 'relevance');
  if (order === null) return { ok: false, problem: 'bad_order' };
  const rawPage = read('page');
  const page = rawPage === null || rawPage === '' ? 1 : parsePageNumber(rawPage);
  if (page === null) return { ok: false, problem: 'bad_page' };
  return { ok: true, request: { locale, q, channel, time, order, page } };
}

/** Next.js's searchParams object (values may repeat) as a reader of first values. */
export function firstValues(params: Record<string, string | string[] | undefined>): ParamReader {
  return (name) => {
    const value = params[name];
    return (Array.isArray(value) ? value[0] : value) ?? null;
  };
}

/**
 * The one query string of a search (without `?`; empty for the bare search page): parameters in
 * a fixed order, defaults left out, page 1 left out, nothing else. Any other spelling of the
 * same search is redirected here, so that one search is one address (and one cache entry).
 */
export function canonicalSearchQuery(request: Pick<SearchRequest, 'q' | 'channel' | 'time' | 'order' | 'page'>): string {
  const query = new URLSearchParams();
  if (request.q) query.set('q', request.q);
  if (request.channel) query.set('channel', request.channel);
  if (request.time !== 'any') query.set('time', request.time);
  if (request.order !== 'relevance') query.set('order', request.order);
  if (request.page > 1) query.set('page', String(request.page));
  return query.toString();
}

/** What a refusal says to a program (the API's error message; the page says it in the reader's language). */
export const SEARCH_PROBLEM_MESSAGES: Record<SearchQueryProblem, string> = {
  query_too_long: `q is longer than ${SEARCH_QUERY_MAX_CHARS} characters`,
  bad_channel: 'channel is not a channel of this site',
  bad_time: `time must be one of ${SEARCH_TIMES.join(', ')}`,
  bad_order: `order must be one of ${SEARCH_ORDERS.join(', ')}`,
  bad_page: 'page must be a whole number from 1',
};
