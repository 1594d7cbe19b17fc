import { type ConsentVariant, QUIET_VARIANT, variantName } from '../consent/cookie';
import { isLocale, type Locale, negotiateLocale } from '../i18n/locales';
import { paths } from '../i18n/paths';
import {
  AUTHORS_SEGMENT,
  FEED_FILE,
  type FixedPage,
  INTERNAL_SEGMENTS,
  isFixedPage,
  isSlug,
  OPENSEARCH_FILE,
  parsePageNumber,
  SEARCH_SEGMENT,
} from './rules';
import { canonicalSearchQuery, parseSearchParams } from '../search/query';

/*
 * The one map of the site's reader addresses: a request's path and query in, what serves it
 * out. Pure: whether a channel, article, author or list page exists is asked of the
 * `AddressBook` it is given (the proxy gives it the database's, remembered; tests give it
 * tables), and nothing here reads a request or writes a response.
 *
 * - `/` and `/opensearch.xml` redirect (307) by Accept-Language to the reader's language;
 * - anything outside /en and /zh, any path deeper than the routes we have, and unknown
 *   channels, articles, authors and page numbers are served the localized 404 page; withdrawn
 *   articles the 410 page; old slugs and wrong channels a 308 (docs/decisions/0004);
 * - `/{locale}/{channel}?page=N` (and authors' pages) are served by an internal `…/page/N`
 *   route, so every page stays static; `?page=1` and the internal form redirect to the one
 *   canonical URL;
 * - every page exists in two static variants, with and without the cookie banner, under an
 *   internal segment the proxy adds (`internalPath`, docs/decisions/0005);
 * - `/{locale}/search?…` is served only under its canonical query string (other spellings of
 *   the same search get a 308 to it, so the address is the edge cache's key); a search it
 *   cannot run (a query over 200 characters, an unknown channel, time, order or page) is
 *   served the search page with status 400, which explains the problem.
 */

/** What the database knows about an article address. */
export type ArticleAddress =
  | { kind: 'ok' }
  | { kind: 'missing' }
  | { kind: 'withdrawn' }
  /** Its current address, when the request used an old slug or another channel. */
  | { kind: 'moved'; channel: string; slug: string };

export type PagedList = { kind: 'channel'; channel: string } | { kind: 'author'; author: string };

/** Asked of the database (through memory) by the proxy, of tables by the tests. */
export interface AddressBook {
  channelExists(channel: string): Promise<boolean>;
  article(locale: Locale, channel: string, slug: string): Promise<ArticleAddress>;
  authorExists(locale: Locale, author: string): Promise<boolean>;
  /** Whether page N (> 1) of a list has articles. */
  listPageExists(locale: Locale, list: PagedList, page: number): Promise<boolean>;
}

/** The page that serves an address, with its typed parameters. */
export type PageRoute =
  | { page: 'home' }
  | { page: 'fixed'; name: FixedPage }
  | { page: 'channel'; channel: string; number: number }
  | { page: 'article'; channel: string; slug: string }
  | { page: 'author'; author: string; number: number }
  | { page: 'feed'; channel?: string }
  | { page: 'search' }
  | { page: 'opensearch' }
  | { page: 'missing' }
  | { page: 'withdrawn' };

export type Resolution =
  | {
      kind: 'page';
      locale: Locale;
      route: PageRoute;
      status: PageStatus;
      /** The query string passed on to the page (`?…` or empty). */
      search: string;
    }
  | {
      kind: 'redirect';
      status: 307 | 308;
      /** Path and query on this site. */
      location: string;
      /** The target was picked from Accept-Language: the answer varies with it. */
      negotiated?: boolean;
    };

/** 400 only for a search the page cannot run (it says why). */
export type PageStatus = 200 | 400 | 404 | 410;

export interface AddressRequest {
  pathname: string;
  /** The query string, with or without its leading `?`. */
  search: string;
  acceptLanguage?: string | null;
}

const page = (locale: Locale, route: PageRoute, search = '', status: PageStatus = 200): Resolution => ({
  kind: 'page',
  locale,
  route,
  status,
  search,
});
const missing = (locale: Locale): Resolution => page(locale, { page: 'missing' }, '', 404);
const redirect = (location: string): Resolution => ({ kind: 'redirect', status: 308, location });

function withQuery(path: string, query: URLSearchParams): string {
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** A paged list (a channel, an author): one public URL per page, `…?page=N`. */
async function pagedList(
  book: AddressBook,
  locale: Locale,
  list: PagedList,
  rest: string[],
  query: URLSearchParams,
  search: string,
): Promise<Resolution> {
  const base = list.kind === 'channel' ? paths.channel(locale, list.channel) : paths.author(locale, list.author);
  const route = (number: number): PageRoute =>
    list.kind === 'channel' ? { page: 'channel', channel: list.channel, number } : { page: 'author', author: list.author, number };
  // The internal paging route, asked for directly: send the visitor to the public form.
  if (rest.length === 2 && rest[0] === INTERNAL_SEGMENTS.page) {
    const number = parsePageNumber(rest[1]);
    return redirect(number && number > 1 ? `${base}?page=${number}` : base);
  }
  if (rest.length > 0) return missing(locale);
  if (!query.has('page')) return page(locale, route(1), search);
  const requested = query.get('page') ?? '';
  const others = new URLSearchParams(query);
  others.delete('page');
  if (requested === '1') return redirect(withQuery(base, others));
  const number = parsePageNumber(requested);
  if (number === null || !(await book.listPageExists(locale, list, number))) return missing(locale);
  return page(locale, route(number), others.toString() ? `?${others.toString()}` : '');
}

/** The search page: its canonical address, a 308 to it, or a 400 for a search it cannot run. */
async function searchAddress(book: AddressBook, locale: Locale, query: URLSearchParams, search: string): Promise<Resolution> {
  const parsed = parseSearchParams(locale, query);
  const route: PageRoute = { page: 'search' };
  if (!parsed.ok) return page(locale, route, search, 400);
  const { channel } = parsed.request;
  if (channel !== null && !(await book.channelExists(channel))) return page(locale, route, search, 400);
  const canonical = canonicalSearchQuery(parsed.request);
  if (search !== (canonical ? `?${canonical}` : '')) return redirect(paths.search(locale, canonical));
  return page(locale, route, search);
}

export async function resolveAddress(request: AddressRequest, book: AddressBook): Promise<Resolution> {
  const segments = request.pathname.split('/').filter(Boolean);
  const search = request.search && !request.search.startsWith('?') ? `?${request.search}` : request.search;
  const query = new URLSearchParams(search);
  if (segments.length === 0) {
    const home = paths.home(negotiateLocale(request.acceptLanguage));
    return { kind: 'redirect', status: 307, location: `${home}${search}`, negotiated: true };
  }
  const [first, section, ...rest] = segments as [string, ...string[]];
  // The site's OpenSearch description at its root, for clients that look there: the one of
  // the reader's language, like `/` (each page's head links its own language's).
  if (first === OPENSEARCH_FILE && segments.length === 1) {
    return { kind: 'redirect', status: 307, location: paths.openSearch(negotiateLocale(request.acceptLanguage)), negotiated: true };
  }
  if (!isLocale(first)) return missing(negotiateLocale(request.acceptLanguage));
  const locale = first;
  if (!section) return page(locale, { page: 'home' }, search);
  if (isFixedPage(section)) return rest.length > 0 ? missing(locale) : page(locale, { page: 'fixed', name: section }, search);
  if (section === FEED_FILE) return rest.length === 0 ? page(locale, { page: 'feed' }) : missing(locale);
  if (section === OPENSEARCH_FILE) return rest.length === 0 ? page(locale, { page: 'opensearch' }) : missing(locale);
  if (section === SEARCH_SEGMENT) return rest.length === 0 ? searchAddress(book, locale, query, search) : missing(locale);

  if (section === AUTHORS_SEGMENT) {
    const [author, ...more] = rest;
    if (!isSlug(author) || !(await book.authorExists(locale, author))) return missing(locale);
    return pagedList(book, locale, { kind: 'author', author }, more, query, search);
  }

  // Internal segments (the 404/410 pages, the variant segments) are slugs no channel may take
  // or not slugs at all: they exist only behind the proxy's rewrites.
  if (!isSlug(section) || !(await book.channelExists(section))) return missing(locale);
  if (rest.length === 1) {
    const [slug] = rest as [string];
    if (slug === FEED_FILE) return page(locale, { page: 'feed', channel: section });
    if (!isSlug(slug)) return missing(locale);
    const address = await book.article(locale, section, slug);
    if (address.kind === 'ok') return page(locale, { page: 'article', channel: section, slug }, search);
    // Renamed (old slug) or asked for under another channel: one permanent address.
    if (address.kind === 'moved') return redirect(paths.article(locale, address.channel, address.slug));
    // Withdrawn articles are gone for good (410), with a page that says so.
    if (address.kind === 'withdrawn') return page(locale, { page: 'withdrawn' }, '', 410);
    return missing(locale);
  }
  return pagedList(book, locale, { kind: 'channel', channel: section }, rest, query, search);
}

/** Pages that look the same whatever the visitor chose: feeds, the OpenSearch description, and the cookie settings page (the banner's full form). */
export function servesAnyVariant(route: PageRoute): boolean {
  return route.page === 'feed' || route.page === 'opensearch' || (route.page === 'fixed' && route.name === 'cookies');
}

/**
 * Where a page is served from inside the app: `/{locale}/{variant}/…` under app/[locale]/[consent]/.
 * The variant segment never appears in a public URL.
 */
export function internalPath(locale: Locale, route: PageRoute, variant: ConsentVariant): string {
  const base = `/${locale}/${servesAnyVariant(route) ? QUIET_VARIANT : variant}`;
  switch (route.page) {
    case 'home':
      return base;
    case 'fixed':
      return `${base}/${route.name}`;
    case 'channel':
      return route.number > 1 ? `${base}/${route.channel}/${INTERNAL_SEGMENTS.page}/${route.number}` : `${base}/${route.channel}`;
    case 'article':
      return `${base}/${route.channel}/${route.slug}`;
    case 'author':
      return route.number > 1
        ? `${base}/${AUTHORS_SEGMENT}/${route.author}/${INTERNAL_SEGMENTS.page}/${route.number}`
        : `${base}/${AUTHORS_SEGMENT}/${route.author}`;
    case 'search':
      return `${base}/${SEARCH_SEGMENT}`;
    case 'opensearch':
      return `${base}/${OPENSEARCH_FILE}`;
    case 'feed':
      return route.channel ? `${base}/${route.channel}/${FEED_FILE}` : `${base}/${FEED_FILE}`;
    case 'missing':
      return `${base}/${INTERNAL_SEGMENTS.missing}`;
    case 'withdrawn':
      return `${base}/${INTERNAL_SEGMENTS.withdrawn}`;
  }
}

/** The variant a page is served in, as the response header names it for the edge cache. */
export function variantLabel(route: PageRoute, variant: ConsentVariant): 'ask' | 'quiet' | 'any' {
  return servesAnyVariant(route) ? 'any' : variantName(variant);
}
