import { NextResponse, type NextRequest } from 'next/server';
import { CONSENT_VARIANT_HEADER, readConsentCookie, variantFor } from './lib/consent/cookie';
import { databaseAddressBook } from './lib/content/route-check';
import { clientIp } from './lib/http/client-ip';
import { refusePagePost } from './lib/http/page-post';
import { ROUTED_STATUS_HEADER, statusByServer } from './lib/http/routed-status';
import { servedMethods } from './lib/routing/methods';
import { internalPath, resolveAddress, variantLabel } from './lib/routing/resolve';
import { SEARCH_CACHE_CONTROL, searchRateLimitedPage } from './lib/search/http';
import { takeSearchAllowance } from './lib/search/rate-limit';

/**
 * The gate in front of every page route. Which page serves an address, and which addresses
 * redirect, 404 or 410, is decided by lib/routing (the one map of addresses); this file does
 * the HTTP: it reads the request, asks, and answers with a redirect or a rewrite to the page's
 * internal path. The consent cookie picks the variant with or without the banner
 * (docs/decisions/0005); it is the only cookie read here, and nothing is set: responses stay
 * cacheable.
 */

export async function proxy(request: NextRequest) {
  const resolution = await resolveAddress(
    { pathname: request.nextUrl.pathname, search: request.nextUrl.search, acceptLanguage: request.headers.get('accept-language') },
    databaseAddressBook,
  );
  // Pages take POST only where a form posts to them (the contact page's server action). The
  // production server refuses other methods before this runs; `next dev` has no such server.
  const refused = await refusePagePost(request, servedMethods(request.nextUrl.pathname));
  if (refused) return refused;

  if (resolution.kind === 'redirect') {
    const [pathname, search = ''] = resolution.location.split('?');
    const url = request.nextUrl.clone();
    url.pathname = pathname!;
    url.search = search;
    const response = NextResponse.redirect(url, resolution.status);
    if (resolution.negotiated) {
      response.headers.set('Vary', 'Accept-Language');
      response.headers.set('Cache-Control', 'private, no-cache');
    }
    return response;
  }

  const { locale, route, status, search } = resolution;
  const variant = variantFor(readConsentCookie(request.headers.get('cookie')));
  const headers: Record<string, string> = {};
  if (route.page === 'search') {
    // Counted here, before anything is rendered: a flood costs a map lookup per request.
    const allowance = takeSearchAllowance(clientIp(request.headers));
    if (!allowance.allowed) return searchRateLimitedPage(locale, allowance.retryAfterSeconds);
    // Next.js keeps a Cache-Control the proxy set and would otherwise mark the dynamic page
    // private. Refusals (400) and the 404 past the last page depend on the address alone, like results.
    headers['Cache-Control'] = SEARCH_CACHE_CONTROL;
  }
  // Built from request.url, not nextUrl: behind `next start -H 127.0.0.1` nextUrl says
  // "localhost", and a rewrite to another host is proxied over HTTP instead of served here.
  const url = new URL(`${internalPath(locale, route, variant)}${search}`, request.url);
  // Tells a shared cache which variant this is, so that it never stores a page under a key
  // its own (cheaper) reading of the cookie chose differently (docs/decisions/0011).
  headers[CONSENT_VARIANT_HEADER] = variantLabel(route, variant);
  if (status === 200) return NextResponse.rewrite(url, { headers });
  // Behind the production server the status travels in a header, so that Next.js renders (and
  // regenerates) the 404 and 410 pages as ordinary pages with their own <head> (lib/http/routed-status.ts).
  if (statusByServer(request.headers)) return NextResponse.rewrite(url, { headers: { ...headers, [ROUTED_STATUS_HEADER]: String(status) } });
  return NextResponse.rewrite(url, { headers, status });
}

export const config = {
  // Static files, Next.js internals, API routes and the staff area (its own root layout) do not need the gate.
  matcher: ['/((?!_next/|api/|admin|images/|brand/|favicon\\.ico|icon|apple-icon|robots\\.txt|sitemap).*)'],
};
