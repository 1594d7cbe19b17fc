import { cache } from 'react';
import { listChannels } from '../content/articles';
import type { Channel } from '../content/types';
import { otherLocale, type Locale } from '../i18n/locales';
import { type LanguageTarget, paths } from '../i18n/paths';
import { canonicalSearchQuery, firstValues, normalizeSearchText, parseSearchParams, type SearchQueryProblem } from './query';
import { searchArticles } from './search';
import { SEARCH_ORDERS, SEARCH_TIMES, type SearchOrder, type SearchResults, type SearchTime } from './types';

/*
 * The search page's loader (issue 16): everything the page and its <head> render, in one typed
 * object, like the loaders in lib/content/pages.ts. The proxy has already answered addresses
 * that are not canonical (308) and given refused searches their 400; the page says why.
 */

/** What the form shows: the reader's words and filters, or the defaults where the address had none (or a wrong one). */
export interface SearchFormValues {
  q: string;
  channel: string;
  time: SearchTime;
  order: SearchOrder;
}

export type SearchOutcome =
  /** No words yet: the form only. */
  | { kind: 'empty' }
  /** The address asks for a search that cannot be run (the response is a 400). */
  | { kind: 'refused'; problem: SearchQueryProblem }
  | { kind: 'results'; results: SearchResults; otherLocaleHref: string | null };

export interface SearchPage {
  locale: Locale;
  form: SearchFormValues;
  outcome: SearchOutcome;
  channels: Channel[];
  language: LanguageTarget;
  /** Builds the address of another page of the same results. */
  pageHref: (page: number) => string;
}

function formValues(read: (name: string) => string | null, channels: Channel[]): SearchFormValues {
  const channel = read('channel') ?? '';
  const time = read('time') ?? '';
  const order = read('order') ?? '';
  return {
    q: normalizeSearchText(read('q') ?? ''),
    channel: channels.some((c) => c.slug === channel) ? channel : '',
    time: (SEARCH_TIMES as readonly string[]).includes(time) ? (time as SearchTime) : 'any',
    order: (SEARCH_ORDERS as readonly string[]).includes(order) ? (order as SearchOrder) : 'relevance',
  };
}

const loadSearchPage = cache(async (locale: Locale, search: string): Promise<SearchPage | null> => {
  const params = new URLSearchParams(search);
  const read = (name: string) => params.get(name);
  const channels = await listChannels(locale);
  const form = formValues(read, channels);
  const other = otherLocale(locale);
  const sameWords = { q: form.q, channel: form.channel || null, time: form.time, order: form.order, page: 1 };
  const language: LanguageTarget = { locale: other, href: paths.search(other, canonicalSearchQuery(sameWords)), kind: 'page' };
  const base = { locale, form, channels, language };

  const parsed = parseSearchParams(locale, read);
  const refused = (problem: SearchQueryProblem): SearchPage => ({ ...base, outcome: { kind: 'refused', problem }, pageHref: () => paths.search(locale) });
  if (!parsed.ok) return refused(parsed.problem);
  if (parsed.request.channel !== null && !channels.some((c) => c.slug === parsed.request.channel)) return refused('bad_channel');
  const { request } = parsed;
  const pageHref = (page: number) => paths.search(locale, canonicalSearchQuery({ ...request, page }));
  if (!request.q) return { ...base, outcome: { kind: 'empty' }, pageHref };

  const results = await searchArticles(request);
  // Past the last page of results (or any page but the first of none): no such page.
  if (request.page > Math.max(1, results.totalPages)) return null;
  const otherLocaleHref =
    results.otherLocaleTotal && results.otherLocaleTotal > 0
      ? paths.search(other, canonicalSearchQuery({ ...request, channel: null, page: 1 }))
      : null;
  return { ...base, outcome: { kind: 'results', results, otherLocaleHref }, pageHref };
});

/** The search page for a request's query; null when it asks for a page past the results (404). */
export function getSearchPage(locale: Locale, searchParams: Record<string, string | string[] | undefined>): Promise<SearchPage | null> {
  const read = firstValues(searchParams);
  // One string, so that React's cache() matches the page's and its metadata's calls.
  const query = new URLSearchParams();
  for (const name of ['q', 'channel', 'time', 'order', 'page']) {
    const value = read(name);
    if (value !== null) query.set(name, value);
  }
  return loadSearchPage(locale, query.toString());
}
