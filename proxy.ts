import { NextResponse, type NextRequest } from 'next/server';
import { authorExists, channelExists, checkArticleAddress, listPageExists } from './lib/content/route-check';
import { isLocale, negotiateLocale } from './lib/i18n/locales';

/**
 * Internal routes that render the localized 404 and 410 pages (see RESERVED_SLUGS). Missing
 * and withdrawn content is rewritten to them with its status, so those answers are complete
 * server-rendered pages (see lib/content/route-check.ts for why not notFound()).
 */
const MISSING_PAGE = 'missing';
const WITHDRAWN_PAGE = 'withdrawn';
/** RSS feeds: /{locale}/feed.xml and /{locale}/{channel}/feed.xml (route handlers). */
const FEED_FILE = 'feed.xml';

/**
 * The gate in front of every page route:
 * - `/` redirects by Accept-Language;
 * - anything outside /en and /zh, any path deeper than the routes we have, and unknown
 *   channels, articles and authors get the localized 404 page;
 * - `/{locale}/{channel}?page=N` is rewritten to the internal `/{locale}/{channel}/page/N`
 *   route, so every channel page stays static and cacheable (reading searchParams in the page
 *   would make it render on every request). `?page=1` and the internal form redirect to the
 *   one canonical URL.
 * - withdrawn articles answer 410 with a localized page (lib/content/withdrawn.ts);
 * - author pages page like channels.
 * No cookies are read or set: responses stay the same for everyone and cacheable.
 */

const STATIC_PAGES = new Set(['about', 'contact', 'privacy', 'terms']);
const PAGE_VALUE = /^[1-9][0-9]{0,5}$/;

/**
 * Rewrites to another route of this server. Built from request.url, not nextUrl: behind
 * `next start -H 127.0.0.1` nextUrl says "localhost", and a rewrite to another host is
 * proxied over HTTP (through this proxy again) instead of served internally.
 */
function rewriteTo(request: NextRequest, pathname: string, search = '', init?: { status: number }) {
  return NextResponse.rewrite(new URL(`${pathname}${search}`, request.url), init);
}

function notFound(request: NextRequest, locale: string) {
  return rewriteTo(request, `/${locale}/${MISSING_PAGE}`, '', { status: 404 });
}

/**
 * Paged lists (a channel, an author) have one public URL per page, `…?page=N`, served by an
 * internal route `…/page/N` so that every page stays static.
 */
function pagedList(
  request: NextRequest,
  base: string,
  rest: string[],
  locale: string,
  exists: (page: number) => boolean,
) {
  const { searchParams } = request.nextUrl;
  // The internal paging route, asked for directly: send the visitor to the public form.
  if (rest.length === 2 && rest[0] === 'page') {
    const url = request.nextUrl.clone();
    url.pathname = base;
    if (PAGE_VALUE.test(rest[1]!) && rest[1] !== '1') url.searchParams.set('page', rest[1]!);
    return NextResponse.redirect(url, 308);
  }
  if (rest.length > 0) return null;
  if (!searchParams.has('page')) return NextResponse.next();
  const page = searchParams.get('page') ?? '';
  if (page === '1') {
    const url = request.nextUrl.clone();
    url.searchParams.delete('page');
    return NextResponse.redirect(url, 308);
  }
  if (!PAGE_VALUE.test(page) || !exists(Number(page))) return notFound(request, locale);
  const others = new URLSearchParams(searchParams);
  others.delete('page');
  const query = others.toString();
  return rewriteTo(request, `${base}/page/${page}`, query ? `?${query}` : '');
}

export function proxy(request: NextRequest) {
  const segments = request.nextUrl.pathname.split('/').filter(Boolean);

  if (segments.length === 0) {
    const url = request.nextUrl.clone();
    url.pathname = `/${negotiateLocale(request.headers.get('accept-language'))}`;
    const response = NextResponse.redirect(url, 307);
    response.headers.set('Vary', 'Accept-Language');
    response.headers.set('Cache-Control', 'private, no-cache');
    return response;
  }

  const [locale, section, ...rest] = segments;
  if (!isLocale(locale)) {
    return notFound(request, negotiateLocale(request.headers.get('accept-language')));
  }
  if (!section || STATIC_PAGES.has(section)) {
    return rest.length === 0 ? NextResponse.next() : notFound(request, locale);
  }
  if (section === FEED_FILE) return rest.length === 0 ? NextResponse.next() : notFound(request, locale);
  // The internal pages exist only behind the rewrites.
  if (section === MISSING_PAGE || section === WITHDRAWN_PAGE) return notFound(request, locale);

  if (section === 'authors') {
    const [author, ...more] = rest;
    if (!author || !authorExists(locale, author)) return notFound(request, locale);
    const exists = (page: number) => listPageExists({ kind: 'author', locale, author }, page);
    return pagedList(request, `/${locale}/authors/${author}`, more, locale, exists) ?? notFound(request, locale);
  }

  if (!channelExists(section)) return notFound(request, locale);
  if (rest.length === 1) {
    if (rest[0] === FEED_FILE) return NextResponse.next();
    const address = checkArticleAddress(locale, section, rest[0]!);
    if (address.kind === 'ok') return NextResponse.next();
    // Renamed (old slug) or asked for under another channel: one permanent address.
    if (address.kind === 'moved') return NextResponse.redirect(new URL(address.to, request.url), 308);
    // Withdrawn articles are gone for good (410), with a page that says so.
    if (address.kind === 'withdrawn') return rewriteTo(request, `/${locale}/${WITHDRAWN_PAGE}`, '', { status: 410 });
    return notFound(request, locale);
  }
  const exists = (page: number) => listPageExists({ kind: 'channel', locale, channel: section }, page);
  return pagedList(request, `/${locale}/${section}`, rest, locale, exists) ?? notFound(request, locale);
}

export const config = {
  // Static files, Next.js internals and API routes do not need the gate.
  matcher: ['/((?!_next/|api/|images/|brand/|favicon\\.ico|icon|apple-icon|robots\\.txt|sitemap).*)'],
};
