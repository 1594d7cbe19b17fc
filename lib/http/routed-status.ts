import type { IncomingMessage, ServerResponse } from 'node:http';

/*
 * The 404 and 410 pages are static pages the proxy rewrites to (docs/decisions/0004). If the
 * proxy gives the rewrite its status, Next.js renders the page knowing the response is a 404
 * and resolves its <head> as for a not-found error: a regeneration of the cached page then
 * keeps the site's default title instead of "Page not found" (measured: the first
 * regeneration after five minutes). So behind the production server the proxy passes the
 * status in a header instead, Next.js renders and caches an ordinary page, and the server sets
 * the status on the way out. Without the production server (`next dev`), the proxy sets the
 * status itself, as before.
 */

/** Set by the production server on every request it hands to Next.js (any copy from a client is replaced). */
export const PORTAL_SERVER_HEADER = 'x-portal-server';
/** The status the proxy wants the response to have. Never sent to the client. */
export const ROUTED_STATUS_HEADER = 'x-portal-status';

export function markPortalServer(req: IncomingMessage): void {
  req.headers[PORTAL_SERVER_HEADER] = '1';
}

/** Whether the request came through the production server, which applies ROUTED_STATUS_HEADER. */
export function statusByServer(headers: Headers): boolean {
  return headers.get(PORTAL_SERVER_HEADER) === '1';
}

/** Applies the proxy's status to a page that Next.js answered with 200, and drops the header. */
export function applyRoutedStatus(res: ServerResponse): void {
  const apply = () => {
    const wanted = Number(res.getHeader(ROUTED_STATUS_HEADER));
    if (!res.hasHeader(ROUTED_STATUS_HEADER)) return;
    res.removeHeader(ROUTED_STATUS_HEADER);
    if ((wanted === 404 || wanted === 410) && res.statusCode === 200) res.statusCode = wanted;
  };
  const { writeHead, write, end, flushHeaders } = res;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    // Headers given to writeHead itself (an object, or a raw list) are merged first.
    const last = rest[rest.length - 1];
    if (last && typeof last === 'object' && !Array.isArray(last)) {
      for (const [name, value] of Object.entries(last)) if (value !== undefined) res.setHeader(name, value as string);
      rest = rest.slice(0, -1);
    }
    res.statusCode = status;
    apply();
    return (writeHead as (...a: unknown[]) => ServerResponse).call(res, res.statusCode, ...rest);
  } as ServerResponse['writeHead'];
  res.write = function (this: ServerResponse, ...args: unknown[]) {
    if (!res.headersSent) apply();
    return (write as (...a: unknown[]) => boolean).apply(res, args);
  } as ServerResponse['write'];
  res.end = function (this: ServerResponse, ...args: unknown[]) {
    if (!res.headersSent) apply();
    return (end as (...a: unknown[]) => ServerResponse).apply(res, args);
  } as ServerResponse['end'];
  res.flushHeaders = function () {
    if (!res.headersSent) apply();
    flushHeaders.call(res);
  };
}
