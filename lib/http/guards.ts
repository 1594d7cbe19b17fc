import { errorResponse } from './errors';
import { NO_STORE, PRIVATE_NO_STORE } from './headers';
import { isSameOrigin } from './origin';

/**
 * The 403 for a state-changing request posted from another site's page (what counts as this
 * site is lib/http/origin.ts's to decide), or null when it may go on. `headers` replaces the
 * default `no-store` (the staff area's is private).
 */
export function refuseCrossSite(request: Request, headers: Record<string, string> = NO_STORE): Response | null {
  if (isSameOrigin(request)) return null;
  return errorResponse('cross_site', 'cross-site request refused', { headers });
}

/**
 * The same for the staff area, where the session cookie acts by itself: a request that does
 * not show where it comes from is refused too, and the answer is private.
 */
export function refuseCrossSiteStaff(request: Request): Response | null {
  if (isSameOrigin(request, { credentialed: true })) return null;
  return errorResponse('cross_site', 'cross-site request refused', { headers: PRIVATE_NO_STORE });
}
