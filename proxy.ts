import { NextResponse, type NextRequest } from 'next/server';
import { CONSENT_VARIANT_HEADER, readConsentCookie, variantFor } from './lib/consent/cookie';
import { databaseAddressBook } from './lib/content/route-check';
import { internalPath, resolveAddress, variantLabel } from './lib/routing/resolve';

/**
 * The gate in front of every page route. Which page serves an address, and which addresses
 * redirect, 404 or 410, is decided by lib/routing (the one map of addresses); this file does
 * the HTTP: it reads the request, asks, and answers with a redirect or a rewrite to the page's
 * internal path. The consent cookie picks the variant with or without the banner
 * (docs/decisions/0005); it is the only cookie read here, and nothing is set: responses stay
 * cacheable.
 */

/**
 * Pages take POST only where a form posts to them (the contact form's server action) and only
 * as a form with a body; anything else is refused here, before Next.js tries to read it as an
 * action (an empty or broken multipart body made that a 500).
 */
async function refusePost(request: NextRequest, segments: string[]): Promise<NextResponse | null> {
  if (request.method !== 'POST') return null;
  const type = request.headers.get('content-type') ?? '';
  const length = Number(request.headers.get('content-length') ?? '0');
  const isContact = segments.length === 2 && segments[1] === 'contact';
  if (!isContact) return new NextResponse(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
  if (!/^(multipart\/form-data; *boundary=.{1,70}|application\/x-www-form-urlencoded)/i.test(type)) {
    return new NextResponse(null, { status: 415 });
  }
  if (!(length > 0)) return new NextResponse(null, { status: 400 });
  // With JavaScript the form posts with a Next-Action header, which Next.js checks itself.
  // Without, the action travels in the body as `$ACTION_…` fields: a body that does not parse
  // as a form, or carries no action, is not ours (Next.js would answer it with a 500).
  if (request.headers.has('next-action')) return null;
  try {
    const form = await request.clone().formData();
    for (const name of form.keys()) if (name.startsWith('$ACTION_')) return null;
  } catch {
    // not a well-formed form body
  }
  return new NextResponse(null, { status: 400 });
}

export async function proxy(request: NextRequest) {
  const segments = request.nextUrl.pathname.split('/').filter(Boolean);
  const refused = await refusePost(request, segments);
  if (refused) return refused;

  const resolution = resolveAddress(
    { pathname: request.nextUrl.pathname, search: request.nextUrl.search, acceptLanguage: request.headers.get('accept-language') },
    databaseAddressBook,
  );
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
  // Built from request.url, not nextUrl: behind `next start -H 127.0.0.1` nextUrl says
  // "localhost", and a rewrite to another host is proxied over HTTP instead of served here.
  const url = new URL(`${internalPath(locale, route, variant)}${search}`, request.url);
  // Tells a shared cache which variant this is, so that it never stores a page under a key
  // its own (cheaper) reading of the cookie chose differently (docs/decisions/0011).
  const headers = { [CONSENT_VARIANT_HEADER]: variantLabel(route, variant) };
  return NextResponse.rewrite(url, { headers, ...(status !== 200 ? { status } : {}) });
}

export const config = {
  // Static files, Next.js internals, API routes and the staff area (its own root layout) do not need the gate.
  matcher: ['/((?!_next/|api/|admin|images/|brand/|favicon\\.ico|icon|apple-icon|robots\\.txt|sitemap).*)'],
};
