import { env } from '../env';

/** The site's public origin, from SITE_URL: the one origin its pages post from. */
export function publicOrigin(): string {
  return new URL(env.SITE_URL).origin;
}

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/**
 * Whether a state-changing request comes from this site's own pages, judged by what browsers
 * send and pages cannot forge: `Origin` (every current browser sends it on POST), else
 * `Sec-Fetch-Site`, else `Referer`, each compared with the configured public origin
 * (`SITE_URL`), never with `Host` or `X-Forwarded-Host`, which any client can set.
 *
 * A request with none of the three is no current browser's: a script or a server. Where a
 * request acts with the authority of a cookie the browser adds by itself (the staff area's
 * session), it is refused (`credentialed`); the public endpoints take it, since scripts post
 * to /api/contact and a cookie there (consent) grants nothing.
 */
export function isSameOrigin(request: Request, options: { credentialed?: boolean } = {}): boolean {
  const site = publicOrigin();
  const origin = request.headers.get('origin');
  // `Origin: null` (a sandboxed frame, a file, a redirect across sites) is never us.
  if (origin !== null) return originOf(origin) === site;
  const fetchSite = request.headers.get('sec-fetch-site');
  if (fetchSite !== null) return fetchSite === 'same-origin';
  const referer = request.headers.get('referer');
  if (referer) return originOf(referer) === site;
  return !options.credentialed;
}

/** What a proxy in front says of the scheme (`X-Forwarded-Proto`): true for https, null when it says nothing. */
export function forwardedHttps(header: string | null | undefined): boolean | null {
  return header ? header.split(',')[0]!.trim() === 'https' : null;
}

/** Whether the request reached us over https (directly or through a proxy that says so). */
export function isHttps(request: Request): boolean {
  return forwardedHttps(request.headers.get('x-forwarded-proto')) ?? new URL(request.url).protocol === 'https:';
}
