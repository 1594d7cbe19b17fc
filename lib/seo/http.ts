/*
 * Responses for the machine-readable documents (sitemaps, feeds). Their Cache-Control follows
 * docs/decisions/0001 and 0003: a CDN keeps them for a while and may serve a stale copy for at
 * most a day while it fetches a fresh one (the same day as next.config's expireTime).
 */

export const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';
export const RSS_CONTENT_TYPE = 'application/rss+xml; charset=utf-8';

const STALE_FOR_SECONDS = 86_400;

/** Shared caches keep the response `sMaxAge` seconds; browsers and feed readers `maxAge`. */
export function sharedCacheControl(params: { sMaxAge: number; maxAge?: number }): string {
  return `public, max-age=${params.maxAge ?? 0}, s-maxage=${params.sMaxAge}, stale-while-revalidate=${STALE_FOR_SECONDS}`;
}

export function xmlResponse(
  body: string | ReadableStream<Uint8Array>,
  params: { contentType: string; cacheControl: string },
): Response {
  return new Response(body, {
    headers: { 'Content-Type': params.contentType, 'Cache-Control': params.cacheControl },
  });
}

export function notFoundResponse(): Response {
  return new Response('Not found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
