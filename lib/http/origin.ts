/**
 * Whether a state-changing request comes from this site's own pages. Browsers send Origin on
 * POST (fetch, forms, sendBeacon); a request without one (curl, old clients) is allowed, one
 * from another origin is not.
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin || origin === 'null') return origin === null;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** What a proxy in front says of the scheme (`X-Forwarded-Proto`): true for https, null when it says nothing. */
export function forwardedHttps(header: string | null | undefined): boolean | null {
  return header ? header.split(',')[0]!.trim() === 'https' : null;
}

/** Whether the request reached us over https (directly or through a proxy that says so). */
export function isHttps(request: Request): boolean {
  return forwardedHttps(request.headers.get('x-forwarded-proto')) ?? new URL(request.url).protocol === 'https:';
}
