import { NextResponse, type NextRequest } from 'next/server';
import { isLocale, negotiateLocale } from './lib/i18n/locales';

/**
 * The gate in front of every page route:
 * - `/` redirects by Accept-Language;
 * - anything outside /en and /zh, and any path deeper than the routes we have, gets the
 *   localized 404 page (a rewrite to a path that can never be a channel);
 * - `/{locale}/{channel}?page=N` is rewritten to the internal `/{locale}/{channel}/page/N`
 *   route, so every channel page stays static and cacheable (reading searchParams in the page
 *   would make it render on every request). `?page=1` and the internal form redirect to the
 *   one canonical URL.
 * No cookies are read or set: responses stay the same for everyone and cacheable.
 */

const STATIC_PAGES = new Set(['about', 'contact', 'privacy', 'terms']);
const PAGE_VALUE = /^[1-9][0-9]{0,5}$/;

/**
 * Rewrites to another route of this server. Built from request.url, not nextUrl: behind
 * `next start -H 127.0.0.1` nextUrl says "localhost", and a rewrite to another host is
 * proxied over HTTP (through this proxy again) instead of served internally.
 */
function rewriteTo(request: NextRequest, pathname: string, search = '') {
  return NextResponse.rewrite(new URL(`${pathname}${search}`, request.url));
}

function notFound(request: NextRequest, locale: string) {
  // A leading hyphen is never a valid channel slug: the channel route answers 404 at once.
  return rewriteTo(request, `/${locale}/-404`);
}

export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const segments = pathname.split('/').filter(Boolean);

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

  // The internal paging route, asked for directly: send the visitor to the public form.
  if (section && rest.length === 2 && rest[0] === 'page') {
    const url = request.nextUrl.clone();
    url.pathname = `/${locale}/${section}`;
    if (PAGE_VALUE.test(rest[1]!) && rest[1] !== '1') url.searchParams.set('page', rest[1]!);
    return NextResponse.redirect(url, 308);
  }
  if (rest.length > 1) return notFound(request, locale);

  if (section && rest.length === 0 && !STATIC_PAGES.has(section) && searchParams.has('page')) {
    const page = searchParams.get('page') ?? '';
    if (page === '1') {
      const url = request.nextUrl.clone();
      url.searchParams.delete('page');
      return NextResponse.redirect(url, 308);
    }
    if (!PAGE_VALUE.test(page)) return notFound(request, locale);
    const rest = new URLSearchParams(searchParams);
    rest.delete('page');
    const query = rest.toString();
    return rewriteTo(request, `/${locale}/${section}/page/${page}`, query ? `?${query}` : '');
  }

  return NextResponse.next();
}

export const config = {
  // Static files, Next.js internals and API routes do not need the gate.
  matcher: ['/((?!_next/|api/|images/|favicon\\.ico|icon|apple-icon|robots\\.txt|sitemap).*)'],
};
