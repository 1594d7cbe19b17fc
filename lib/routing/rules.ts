import { locales } from '../i18n/locales';

/*
 * The rules every address of the site follows, each defined once: what a slug is, what a
 * page number is, which names are taken by the site itself, and which return paths a form may
 * send a visitor back to. The proxy, the route files, the loaders, the ingest API and the
 * content files all ask here.
 */

/** Slugs in URLs: lowercase ASCII letters, digits and single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Longer than any headline-derived slug needs; authors' generated slugs stay under it too. */
export const SLUG_MAX_LENGTH = 120;

export function isSlug(value: unknown): value is string {
  return typeof value === 'string' && value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
}

/**
 * Page numbers of paged lists, as they appear in `?page=N` and internal paths: no sign, no
 * leading zero, at most six digits (deeper pages are a crawler trap, refused before any query).
 */
const PAGE_NUMBER = /^[1-9][0-9]{0,5}$/;
export const MAX_PAGE = 999_999;

/** The page number a string names, or null when it is not one. */
export function parsePageNumber(value: unknown): number | null {
  return typeof value === 'string' && PAGE_NUMBER.test(value) ? Number(value) : null;
}

export function isPageNumber(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 1 && value <= MAX_PAGE;
}

/** Fixed pages under /{locale}/: no channel may take their names. */
export const FIXED_PAGES = ['about', 'contact', 'privacy', 'terms', 'cookies'] as const;
export type FixedPage = (typeof FIXED_PAGES)[number];

export function isFixedPage(value: string): value is FixedPage {
  return (FIXED_PAGES as readonly string[]).includes(value);
}

/** The app's own segments: the 404 and 410 pages the proxy rewrites to, and `…/page/N`. */
export const INTERNAL_SEGMENTS = { missing: 'missing', withdrawn: 'withdrawn', page: 'page' } as const;
/** Authors' pages live under /{locale}/authors/{slug}. */
export const AUTHORS_SEGMENT = 'authors';
/** The search page: /{locale}/search?q=… */
export const SEARCH_SEGMENT = 'search';
/** RSS feeds: /{locale}/feed.xml and /{locale}/{channel}/feed.xml. */
export const FEED_FILE = 'feed.xml';
/** The OpenSearch description of each language's search: /{locale}/opensearch.xml. */
export const OPENSEARCH_FILE = 'opensearch.xml';

/**
 * Names no channel or article may take: the fixed pages, the app's internal segments, and
 * words kept for the site's own use (present and planned sections of the URL space).
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([
  ...FIXED_PAGES,
  ...Object.values(INTERNAL_SEGMENTS),
  AUTHORS_SEGMENT,
  'feed',
  'rss',
  'api',
  'admin',
  SEARCH_SEGMENT,
  'sitemaps',
]);

/** A slug a channel or an article may have. */
export function isAvailableSlug(value: unknown): value is string {
  return isSlug(value) && !RESERVED_NAMES.has(value);
}

/**
 * A path on this site that a form may send the visitor back to: an absolute path (never
 * `//host`, never a scheme) made of unreserved characters, with an optional plain query.
 * `area` is the first segment it must start with: a locale for reader pages, `admin/…` for
 * the staff area.
 */
const SAFE_PATH = /^(\/[A-Za-z0-9\-._~%]+)+\/?(\?[A-Za-z0-9\-._~%=&+]*)?$/;

export function safeReturnPath(value: unknown, area: 'reader' | { prefix: string }): string | null {
  if (typeof value !== 'string' || value.length > 2000 || !SAFE_PATH.test(value)) return null;
  const path = value.split('?')[0]!;
  // Dot segments and percent-encoded slashes and dots could climb out of the area, or turn
  // into `//host` further along.
  if (/%2f|%5c|%2e/i.test(path) || path.split('/').some((segment) => segment === '.' || segment === '..')) return null;
  if (area === 'reader') {
    const first = path.split('/')[1];
    return (locales as readonly string[]).includes(first ?? '') ? value : null;
  }
  return path === area.prefix || path.startsWith(`${area.prefix}/`) ? value : null;
}
