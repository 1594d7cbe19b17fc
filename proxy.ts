import { NextResponse, type NextRequest } from 'next/server';
import { CONSENT_VARIANT_HEADER, QUIET_VARIANT, readConsentCookie, variantFor, variantName } from './lib/consent/cookie';
import { authorExists, channelExists, checkArticleAddress, listPageExists } from './lib/content/route-check';
import { refusePagePost } from './lib/http/page-post';
import { isLocale, negotiateLocale } from './lib/i18n/locales';

/**
 * The gate in front of every page route:
 * - `/` redirects by Accept-Language;
 * - anything outside /en and /zh, any path deeper than the routes we have, and unknown
 *   channels, articles, authors and page numbers get the localized 404 page; withdrawn
 *   articles the 410 page; old slugs a 308 (docs/decisions/0004);
 * - `/{locale}/{channel}?page=N` (and authors' pages) are served by an internal `…/page/N`
 *   route, so every page stays static; `?page=1` and the internal form redirect to the one
 *   canonical URL;
 * - every page exists in two static variants, with and without the cookie banner: the
 *   consent cookie picks one (docs/decisions/0005). That cookie is the only one read here, and
 *   nothing is set: responses stay cacheable.
 */

const STATIC_PAGES = new Set(['about', 'contact', 'privacy', 'terms', 'cookies']);
const PAGE_VALUE = /^[1-9][0-9]{0,5}$/;
/** Internal routes for the localized 404 and 410 pages (reserved slugs). */
const MISSING_PAGE = 'missing';
const WITHDRAWN_PAGE = 'withdrawn';
/** RSS feeds: /{locale}/feed.xml and /{locale}/{channel}/feed.xml (route handlers). */
const FEED_FILE = 'feed.xml';

/** Where a request is served from inside the app: a path under /{locale}/{variant}/. */
interface Target {
  locale: string;
  /** Path below the locale, starting with `/` or empty for the home page. */
  path: string;
  search?: string;
  status?: number;
  /** Feeds and the cookie settings page: always the variant without the banner. */
  anyVariant?: boolean;
}

const missing = (locale: string): Target => ({ locale, path: `/${MISSING_PAGE}`, status: 404 });

function redirect(request: NextRequest, pathname: string, search = '') {
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  url.search = search;
  return NextResponse.redirect(url, 308);
}

/**
 * Paged lists (a channel, an author) have one public URL per page, `…?page=N`, served by the
 * internal route `…/page/N`.
 */
function pagedList(
  request: NextRequest,
  locale: string,
  base: string,
  rest: string[],
  exists: (page: number) => boolean,
): Target | NextResponse {
  const { searchParams } = request.nextUrl;
  // The internal paging route, asked for directly: send the visitor to the public form.
  if (rest.length === 2 && rest[0] === 'page') {
    const page = PAGE_VALUE.test(rest[1]!) && rest[1] !== '1' ? `?page=${rest[1]}` : '';
    return redirect(request, `/${locale}${base}`, page);
  }
  if (rest.length > 0) return missing(locale);
  if (!searchParams.has('page')) return { locale, path: base, search: request.nextUrl.search };
  const page = searchParams.get('page') ?? '';
  const others = new URLSearchParams(searchParams);
  others.delete('page');
  const query = others.toString() ? `?${others.toString()}` : '';
  if (page === '1') return redirect(request, `/${locale}${base}`, query);
  if (!PAGE_VALUE.test(page) || !exists(Number(page))) return missing(locale);
  return { locale, path: `${base}/page/${page}`, search: query };
}

function route(request: NextRequest, segments: string[]): Target | NextResponse {
  const [locale, section, ...rest] = segments as [string, ...string[]];
  if (!isLocale(locale)) return missing(negotiateLocale(request.headers.get('accept-language')));
  const search = request.nextUrl.search;
  if (!section) return { locale, path: '', search };
  if (STATIC_PAGES.has(section)) {
    if (rest.length > 0) return missing(locale);
    // The cookie settings page is the banner's full form: never the banner on top of it.
    return { locale, path: `/${section}`, search, anyVariant: section === 'cookies' };
  }
  if (section === FEED_FILE) return rest.length === 0 ? { locale, path: `/${FEED_FILE}`, anyVariant: true } : missing(locale);
  // The internal pages exist only behind the rewrites; so do the variant segments.
  if (section === MISSING_PAGE || section === WITHDRAWN_PAGE || section.startsWith('_')) return missing(locale);

  if (section === 'authors') {
    const [author, ...more] = rest;
    if (!author || !authorExists(locale, author)) return missing(locale);
    return pagedList(request, locale, `/authors/${author}`, more, (page) =>
      listPageExists({ kind: 'author', locale, author }, page),
    );
  }

  if (!channelExists(section)) return missing(locale);
  if (rest.length === 1) {
    if (rest[0] === FEED_FILE) return { locale, path: `/${section}/${FEED_FILE}`, anyVariant: true };
    const address = checkArticleAddress(locale, section, rest[0]!);
    if (address.kind === 'ok') return { locale, path: `/${section}/${rest[0]}`, search };
    // Renamed (old slug) or asked for under another channel: one permanent address.
    if (address.kind === 'moved') return redirect(request, address.to);
    // Withdrawn articles are gone for good (410), with a page that says so.
    if (address.kind === 'withdrawn') return { locale, path: `/${WITHDRAWN_PAGE}`, status: 410 };
    return missing(locale);
  }
  return pagedList(request, locale, `/${section}`, rest, (page) =>
    listPageExists({ kind: 'channel', locale, channel: section }, page),
  );
}

export async function proxy(request: NextRequest) {
  const segments = request.nextUrl.pathname.split('/').filter(Boolean);
  // Pages take POST only where a form posts to them: the contact page's server action.
  const refused = await refusePagePost(request, segments.length === 2 && segments[1] === 'contact');
  if (refused) return refused;

  if (segments.length === 0) {
    const url = request.nextUrl.clone();
    url.pathname = `/${negotiateLocale(request.headers.get('accept-language'))}`;
    const response = NextResponse.redirect(url, 307);
    response.headers.set('Vary', 'Accept-Language');
    response.headers.set('Cache-Control', 'private, no-cache');
    return response;
  }

  const target = route(request, segments);
  if (target instanceof NextResponse) return target;
  const variant = target.anyVariant
    ? QUIET_VARIANT
    : variantFor(readConsentCookie(request.headers.get('cookie')));
  // Built from request.url, not nextUrl: behind `next start -H 127.0.0.1` nextUrl says
  // "localhost", and a rewrite to another host is proxied over HTTP instead of served here.
  const url = new URL(`/${target.locale}/${variant}${target.path}${target.search ?? ''}`, request.url);
  // Tells a shared cache which variant this is, so that it never stores a page under a key
  // its own (cheaper) reading of the cookie chose differently (docs/decisions/0011).
  const headers = { [CONSENT_VARIANT_HEADER]: target.anyVariant ? 'any' : variantName(variant) };
  return NextResponse.rewrite(url, { headers, ...(target.status ? { status: target.status } : {}) });
}

export const config = {
  // Static files, Next.js internals, API routes and the staff area (its own root layout) do not need the gate.
  matcher: ['/((?!_next/|api/|admin|images/|brand/|favicon\\.ico|icon|apple-icon|robots\\.txt|sitemap).*)'],
};
