/**
 * What the production server (server/main.ts) settles before Next.js sees a request, because
 * Next.js either cannot or would do it wrong:
 *
 * - the client's address, from the socket and the trusted proxies' X-Forwarded-For, passed on
 *   in a header of ours (lib/http/client-ip.ts); route handlers cannot see the socket;
 * - methods: every address answers the methods lib/routing/methods.ts does not list for it
 *   with 405 and `Allow`, OPTIONS with 204 (Next.js answered TRACE with a 500, PUT or PROPFIND
 *   on a page with the cacheable page, OPTIONS on a page with a bare 400);
 * - a post to a page's form (Next.js reads a chunked body to its end before proxy.ts runs):
 *   refused from its headers alone, unread;
 * - byte ranges of static files (Next.js's `send` turns a range it cannot serve into a 500):
 *   lib/http/range.ts;
 * - a body left unread by the answer (a 403 or 401 before reading, or any of the above): the
 *   answer says `Connection: close`, so the rest is never read.
 */
import fs from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { CLIENT_ADDRESS_HEADER, resolveClientAddress, type TrustedProxies } from '../lib/http/client-ip';
import { LARGEST_BODY } from '../lib/http/body';
import { errorResponse } from '../lib/http/errors';
import { HSTS_HEADER, NO_STORE, PRIVATE_NO_STORE, SECURITY_HEADERS } from '../lib/http/headers';
import { methodNotAllowed } from '../lib/http/methods';
import { refusePageFormHeaders } from '../lib/http/page-post';
import { decideRange } from '../lib/http/range';
import { allowedMethods, isPageForm, servedMethods } from '../lib/routing/methods';

export interface GateOptions {
  /** The folders Next.js serves files from as they are: public/ and the build's static/. */
  publicDir: string;
  staticDir: string;
  /** Whether the proxy in front says the request came over https. */
  https: boolean;
}

/** Whether the request says it carries a body. */
function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length']) > 0;
}

/**
 * An answer of the server's own, with the headers Next.js gives every response
 * (next.config.ts); the staff area's stay private.
 */
async function answer(req: IncomingMessage, res: ServerResponse, pathname: string, response: Response, https: boolean): Promise<void> {
  const staff = pathname === '/admin' || pathname.startsWith('/admin/');
  res.statusCode = response.status;
  for (const [name, value] of Object.entries({ ...SECURITY_HEADERS, ...(https ? HSTS_HEADER : {}) })) res.setHeader(name, value);
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (staff) {
    res.setHeader('Cache-Control', PRIVATE_NO_STORE['Cache-Control']);
    res.setHeader('X-Robots-Tag', 'noindex, nofollow');
  }
  res.end(req.method === 'HEAD' ? undefined : Buffer.from(await response.arrayBuffer()));
}

/**
 * The file Next.js would serve for `pathname` as it is, or null: /_next/static/… from the
 * build, anything else from public/. Only asked when a request carries a Range header.
 */
async function staticFileSize(pathname: string, options: GateOptions): Promise<number | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const [root, relative] = decoded.startsWith('/_next/static/')
    ? [options.staticDir, decoded.slice('/_next/static/'.length)]
    : [options.publicDir, decoded.slice(1)];
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) return null;
  try {
    const stat = await fs.stat(file);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}

/**
 * Marks a body the answer does not read as taken: Node otherwise reads an unread body to its
 * end after the answer, to keep the connection for another request. Asked for nothing
 * (`read(0)`), the request reads at most its buffer's worth (16 KB) before TCP pushes back on
 * the client, until the connection closes after the answer (`Connection: close`,
 * lib/http/connection.ts).
 */
function leaveBodyUnread(req: IncomingMessage): void {
  if (!req.complete) req.read(0);
}

/**
 * Next.js reads a request's body as fast as it arrives (a `data` listener, without
 * backpressure) into a stream the handler may never read: a handler that refuses before
 * reading, or one slow to answer, would let a 50 MB chunked body pile up in memory. Past
 * LARGEST_BODY (at least every handler's limit, so each has already seen more than its own
 * and refused) nothing more is passed on: the rest is dropped as it arrives, and the answer
 * closes the connection. A declared Content-Length over it is refused by `gate` before
 * Next.js reads anything.
 */
function capBody(req: IncomingMessage): void {
  let received = 0;
  const push = req.push;
  req.push = function (this: IncomingMessage, chunk: unknown, encoding?: BufferEncoding) {
    if (chunk === null) return push.call(this, chunk, encoding);
    received += (chunk as Buffer).length;
    // Returning false stops the socket until the request is read again (Node's backpressure).
    if (received > LARGEST_BODY + (chunk as Buffer).length) return false;
    return push.call(this, chunk, encoding);
  };
}

/**
 * First, before anything else wraps the response (the Content-Security-Policy's wrapper puts
 * its own writeHead back when it is done): the client address, and `Connection: close` on any
 * answer written before the body has all arrived (a 403 or 401 before reading, a 413 at the
 * limit), so that the rest is never read.
 */
export function prepareRequest(req: IncomingMessage, res: ServerResponse, trustedProxies: TrustedProxies): void {
  // Always replaced: a client's own copy of the header must never reach the handlers.
  req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(
    req.socket.remoteAddress,
    [req.headers['x-forwarded-for']].flat().join(','),
    trustedProxies,
  );
  if (!hasBody(req)) return;
  capBody(req);
  // Answered before the body has all arrived: nobody reads the rest. Next.js's own listener
  // would keep the socket read (and the data dropped) until the connection closes.
  res.once('finish', () => {
    if (req.complete) return;
    req.removeAllListeners('data');
    req.pause();
  });
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
    if (!req.complete) {
      this.setHeader('Connection', 'close');
      leaveBodyUnread(req);
    }
    return writeHead.apply(this, args);
  } as ServerResponse['writeHead'];
}

/**
 * Answers the request itself (true) or leaves it to Next.js (false), with a Range header
 * `send` serves right.
 */
export async function gate(req: IncomingMessage, res: ServerResponse, options: GateOptions): Promise<boolean> {
  const method = req.method ?? 'GET';
  let pathname: string;
  try {
    pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    return false;
  }
  const close: Record<string, string> = hasBody(req) ? { Connection: 'close' } : {};
  if (Number(req.headers['content-length']) > LARGEST_BODY) {
    const refused = errorResponse('payload_too_large', `the body is larger than ${LARGEST_BODY} bytes`, { headers: close });
    await answer(req, res, pathname, refused, options.https);
    return true;
  }
  const allowed = allowedMethods(pathname);
  if (method === 'OPTIONS') {
    await answer(req, res, pathname, new Response(null, { status: 204, headers: { Allow: allowed.join(', '), ...NO_STORE, ...close } }), options.https);
    return true;
  }
  if (!allowed.includes(method)) {
    await answer(req, res, pathname, methodNotAllowed(method, servedMethods(pathname), close), options.https);
    return true;
  }
  if (method === 'POST' && isPageForm(pathname)) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, [value].flat().join(', '));
    const refused = refusePageFormHeaders(headers);
    if (refused) {
      await answer(req, res, pathname, refused, options.https);
      return true;
    }
  }

  const range = req.headers.range;
  if (range !== undefined) {
    // Range is defined for GET only; a HEAD answers as its GET would without it.
    const size = method === 'GET' ? await staticFileSize(pathname, options) : null;
    const decision = size === null ? null : decideRange(range, size);
    if (method !== 'GET' || decision?.kind === 'whole' || (decision?.kind === 'unsatisfiable' && req.headers['if-range'])) {
      // Ignored: the whole file (an If-Range the file may no longer match cannot make a 416).
      delete req.headers.range;
    } else if (decision?.kind === 'part') {
      req.headers.range = decision.header;
    } else if (decision?.kind === 'unsatisfiable') {
      const refused = errorResponse('range_not_satisfiable', `the file has ${size} bytes`, {
        headers: { 'Content-Range': `bytes */${size}`, 'Accept-Ranges': 'bytes' },
      });
      await answer(req, res, pathname, refused, options.https);
      return true;
    }
  }
  return false;
}
