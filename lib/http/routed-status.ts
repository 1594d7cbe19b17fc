import type { IncomingMessage, ServerResponse } from 'node:http';

/*
 * The 404 and 410 pages are static pages the proxy rewrites to (docs/decisions/0004); the search
 * page answers a search it cannot run with 400 the same way (docs/decisions/0020). If the
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

const SENT_STATUS = Symbol('portal.sentStatus');
type Routed = ServerResponse & { [SENT_STATUS]?: number };

/** The status the client got: the routed one where it applied, else the response's own. */
export function sentStatus(res: ServerResponse): number {
  return (res as Routed)[SENT_STATUS] ?? res.statusCode;
}

/**
 * Applies the proxy's status to a page that Next.js answered with 200, and drops the header.
 * Once the head is on its way the response's own status goes back to 200: Next.js may render
 * the page again in the background after serving a stale copy, reading this response's status,
 * and a 404 there would bring back the not-found metadata (measured: a regeneration five
 * minutes after the build stored the site's title as the 404 page's).
 */
export function applyRoutedStatus(res: ServerResponse): void {
  const routed = res as Routed;
  const apply = () => {
    if (!res.hasHeader(ROUTED_STATUS_HEADER)) return;
    const wanted = Number(res.getHeader(ROUTED_STATUS_HEADER));
    res.removeHeader(ROUTED_STATUS_HEADER);
    if ((wanted === 400 || wanted === 404 || wanted === 410) && res.statusCode === 200) {
      routed[SENT_STATUS] = wanted;
      res.statusCode = wanted;
    }
  };
  const restore = () => {
    if (routed[SENT_STATUS] !== undefined && res.headersSent) res.statusCode = 200;
  };
  const { writeHead } = res;
  res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    // Headers given to writeHead itself (an object) are merged first.
    const last = rest[rest.length - 1];
    if (last && typeof last === 'object' && !Array.isArray(last)) {
      for (const [name, value] of Object.entries(last)) if (value !== undefined) res.setHeader(name, value as string);
      rest = rest.slice(0, -1);
    }
    res.statusCode = status;
    apply();
    const result = (writeHead as (...a: unknown[]) => ServerResponse).call(res, res.statusCode, ...rest);
    restore();
    return result;
  } as ServerResponse['writeHead'];
  // write, end and flushHeaders may each be the first to send the head: the status goes on first.
  const wrap = <K extends 'write' | 'end' | 'flushHeaders'>(name: K) => {
    const original = res[name] as (...a: unknown[]) => unknown;
    res[name] = function (this: ServerResponse, ...args: unknown[]) {
      if (!res.headersSent) apply();
      const result = original.apply(res, args);
      restore();
      return result;
    } as ServerResponse[K];
  };
  wrap('write');
  wrap('end');
  wrap('flushHeaders');
}
