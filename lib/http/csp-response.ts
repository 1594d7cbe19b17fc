import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { inlineScriptHashes, pagePolicy, RESOURCE_POLICY } from './csp';

/*
 * Gives a Node.js response its Content-Security-Policy header. An HTML document is held back
 * until it is complete, so its inline scripts can be hashed into the header; everything else
 * passes through untouched (it gets the resource policy unless it already has one: the image
 * optimizer sets its own). Next.js writes responses through writeHead/write/end/flush, which
 * are wrapped here on the one response object.
 */

const HEADER = 'Content-Security-Policy';
const HTML = /^\s*text\/html\b/i;

/**
 * Policies of documents already hashed, by ETag (Next.js derives it from the document's bytes):
 * a cached page sent again streams straight through with the policy it had. Oldest out first.
 */
const knownPolicies = new Map<string, string>();
const KNOWN_POLICIES_MAX = 5_000;

function rememberPolicy(key: string, policy: string): void {
  knownPolicies.delete(key);
  knownPolicies.set(key, policy);
  if (knownPolicies.size > KNOWN_POLICIES_MAX) knownPolicies.delete(knownPolicies.keys().next().value!);
}

type Mode = 'undecided' | 'hold' | 'pass';
type Callback = (error?: Error | null) => void;

function toBuffer(chunk: unknown, encoding?: BufferEncoding): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), encoding ?? 'utf8');
}

function setHeaders(res: ServerResponse, headers: OutgoingHttpHeaders | readonly unknown[] | undefined): void {
  if (!headers) return;
  if (Array.isArray(headers)) {
    // Either [[name, value], …] or [name, value, name, value, …].
    if (Array.isArray(headers[0])) {
      for (const [name, value] of headers as [string, string][]) res.setHeader(name, value);
    } else {
      for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string);
    }
    return;
  }
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && value !== null) res.setHeader(name, value as string | number | string[]);
}

export function applyContentSecurityPolicy(req: IncomingMessage, res: ServerResponse, https: boolean): void {
  const original = {
    writeHead: res.writeHead,
    write: res.write,
    end: res.end,
    flushHeaders: res.flushHeaders,
    flush: (res as ServerResponse & { flush?: () => void }).flush,
  };
  let mode: Mode = 'undecided';
  let etagKey: string | null = null;
  const held: Buffer[] = [];

  const restore = () => {
    res.writeHead = original.writeHead;
    res.write = original.write;
    res.end = original.end;
    res.flushHeaders = original.flushHeaders;
    if (original.flush) (res as ServerResponse & { flush?: () => void }).flush = original.flush;
  };

  const decide = (): Mode => {
    if (mode !== 'undecided') return mode;
    const type = String(res.getHeader('content-type') ?? '');
    // A HEAD has no document to hash; it gets the header of a page without inline scripts.
    const etag = res.getHeader('etag');
    etagKey = typeof etag === 'string' ? `${https ? 's' : ''}${etag}` : null;
    const known = etagKey ? knownPolicies.get(etagKey) : undefined;
    if (HTML.test(type) && known && res.statusCode === 200) {
      mode = 'pass';
      res.setHeader(HEADER, known);
      restore();
    } else if (HTML.test(type) && req.method !== 'HEAD' && res.statusCode !== 304) {
      mode = 'hold';
    } else {
      mode = 'pass';
      // A 304 carries no policy: its headers would replace those the browser stored with the
      // page, and only the full response knows the page's hashes.
      if (!res.hasHeader(HEADER) && res.statusCode !== 304) {
        res.setHeader(HEADER, HTML.test(type) ? pagePolicy({ scriptHashes: [], https }) : RESOURCE_POLICY);
      }
      restore();
    }
    return mode;
  };

  res.writeHead = function writeHead(this: ServerResponse, status: number, ...rest: unknown[]) {
    const message = typeof rest[0] === 'string' ? (rest.shift() as string) : undefined;
    setHeaders(res, rest[0] as OutgoingHttpHeaders | undefined);
    res.statusCode = status;
    if (message !== undefined) res.statusMessage = message;
    if (decide() === 'pass') return original.writeHead.call(res, status);
    return res;
  } as ServerResponse['writeHead'];

  res.flushHeaders = function flushHeaders() {
    if (decide() === 'pass') original.flushHeaders.call(res);
  };
  if (original.flush) {
    (res as ServerResponse & { flush?: () => void }).flush = function flush() {
      if (decide() === 'pass') original.flush!.call(res);
    };
  }

  res.write = function write(chunk: unknown, encodingOrCallback?: unknown, maybeCallback?: unknown) {
    if (decide() === 'pass') return (original.write as (...args: unknown[]) => boolean).call(res, chunk, encodingOrCallback, maybeCallback);
    const encoding = typeof encodingOrCallback === 'string' ? (encodingOrCallback as BufferEncoding) : undefined;
    const callback = (typeof encodingOrCallback === 'function' ? encodingOrCallback : maybeCallback) as Callback | undefined;
    held.push(toBuffer(chunk, encoding));
    if (callback) process.nextTick(callback);
    return true;
  } as ServerResponse['write'];

  res.end = function end(chunk?: unknown, encodingOrCallback?: unknown, maybeCallback?: unknown) {
    if (decide() === 'pass') return (original.end as (...args: unknown[]) => ServerResponse).call(res, chunk, encodingOrCallback, maybeCallback);
    let callback = maybeCallback as Callback | undefined;
    let encoding: BufferEncoding | undefined;
    if (typeof chunk === 'function') {
      callback = chunk as Callback;
      chunk = undefined;
    } else if (typeof encodingOrCallback === 'function') {
      callback = encodingOrCallback as Callback;
    } else if (typeof encodingOrCallback === 'string') {
      encoding = encodingOrCallback as BufferEncoding;
    }
    if (chunk !== undefined && chunk !== null) held.push(toBuffer(chunk, encoding));
    const body = Buffer.concat(held);
    const policy = pagePolicy({ scriptHashes: inlineScriptHashes(body.toString('utf8')), https });
    res.setHeader(HEADER, policy);
    if (etagKey && res.statusCode === 200) rememberPolicy(etagKey, policy);
    restore();
    return (original.end as (...args: unknown[]) => ServerResponse).call(res, body, callback);
  } as ServerResponse['end'];
}
