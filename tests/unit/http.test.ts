import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { z } from 'zod';
import { closeGently } from '@/lib/http/connection';
import { FORM_BODIES, JSON_BODY, LARGEST_BODY, mediaType, MULTIPART_BODY, readBody, readLimited, URLENCODED_BODY } from '@/lib/http/body';
import { ERROR_STATUS, errorResponse, type ErrorBody } from '@/lib/http/errors';
import { refuseCrossSite, refuseCrossSiteStaff } from '@/lib/http/guards';
import { NO_STORE, PRIVATE_NO_STORE } from '@/lib/http/headers';
import { otherMethods } from '@/lib/http/methods';
import { FORM_ACTION_LIMIT, refusePagePost } from '@/lib/http/page-post';

/*
 * The request layer (lib/http) with real Request objects and, for the size limit, a real
 * node:http server fed a 20 MB chunked body.
 */

const MB = 1024 * 1024;

function post(body: BodyInit | null, headers: Record<string, string> = {}, url = 'http://localhost/api/x'): Request {
  // `duplex` is required by Node for a streamed body; TypeScript's RequestInit does not know it yet.
  return new Request(url, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

/** A body stream of `total` bytes made on demand, counting what has been pulled from it. */
function hugeStream(total = 20 * MB, chunk = 64 * 1024) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      pulled += chunk;
      controller.enqueue(new Uint8Array(chunk).fill(0x61));
    },
  });
  return { stream, pulled: () => pulled };
}

async function errorOf(response: Response) {
  return { status: response.status, body: (await response.json()) as ErrorBody };
}

describe('errorResponse', () => {
  it('answers every code with its status, the one shape, and no-store', async () => {
    for (const [code, status] of Object.entries(ERROR_STATUS) as [keyof typeof ERROR_STATUS, number][]) {
      const response = errorResponse(code, `about ${code}`);
      expect(await errorOf(response)).toEqual({ status, body: { error: { code, message: `about ${code}` } } });
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    }
  });

  it('adds fields and headers, and lets the staff area make it private', async () => {
    const response = errorResponse('invalid_fields', 'some fields are invalid', { fields: { email: 'email' }, headers: PRIVATE_NO_STORE });
    expect(await response.json()).toEqual({ error: { code: 'invalid_fields', message: 'some fields are invalid' }, fields: { email: 'email' } });
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(errorResponse('rate_limited', 'later', { headers: { 'Retry-After': '600' } }).headers.get('retry-after')).toBe('600');
  });

  it('has the status codes the API promises', () => {
    expect(new Set(Object.values(ERROR_STATUS))).toEqual(new Set([400, 401, 403, 404, 405, 409, 413, 415, 416, 422, 429, 503]));
  });
});

describe('NO_STORE', () => {
  it('is the header of answers no cache keeps', () => {
    expect(NO_STORE).toEqual({ 'Cache-Control': 'no-store' });
    expect(PRIVATE_NO_STORE).toEqual({ 'Cache-Control': 'private, no-store' });
  });
});

describe('mediaType', () => {
  it.each([
    ['application/json', 'application/json'],
    ['Application/JSON; charset=UTF-8', 'application/json'],
    ['multipart/form-data; boundary=x', 'multipart/form-data'],
    ['', ''],
  ])('%j is %j', (header, type) => expect(mediaType(header)).toBe(type));
  it('reads a missing header as no type', () => expect(mediaType(null)).toBe(''));
});

describe('readLimited', () => {
  it('returns the whole body when it fits, across chunks', async () => {
    const stream = new Blob(['hello ', 'world']).stream();
    expect(new TextDecoder().decode(await readLimited(stream, 11))).toBe('hello world');
    expect(await readLimited(null, 0)).toEqual(new Uint8Array(0));
  });

  it('stops pulling a 20 MB stream just past the limit', async () => {
    const { stream, pulled } = hugeStream();
    expect(await readLimited(stream, 32 * 1024)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // One 64 KB chunk passed the limit; the stream may have one more queued, never the rest.
    expect(pulled()).toBeLessThanOrEqual(2 * 64 * 1024);
  });
});

describe('readBody', () => {
  const json = { 'Content-Type': 'application/json' };
  const form = { 'Content-Type': 'application/x-www-form-urlencoded' };

  it('parses a JSON object', async () => {
    expect(await readBody(post('{"a":1,"b":"x"}', json), { limit: 100, types: [JSON_BODY] })).toEqual({ ok: true, value: { a: 1, b: 'x' } });
  });

  it('parses a urlencoded form, keeping the first of repeated names (as FormData.get)', async () => {
    const result = await readBody(post('a=1&a=2&b=%E4%B8%AD', { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8' }), {
      limit: 100,
      types: FORM_BODIES,
    });
    expect(result).toEqual({ ok: true, value: { a: '1', b: '中' } });
  });

  it('parses a multipart form', async () => {
    const body = new FormData();
    body.set('status', 'read');
    body.set('return', '/admin/messages');
    const result = await readBody(post(body), { limit: 1000, types: [URLENCODED_BODY, MULTIPART_BODY] });
    expect(result).toEqual({ ok: true, value: { status: 'read', return: '/admin/messages' } });
  });

  it.each([
    ['text/plain', 'a=1'],
    ['', '{}'],
    ['application/jsonx', '{}'],
    ['application/x-www-form-urlencoded', 'a=1'],
  ])('refuses Content-Type %j with 415 and closes the connection', async (type, body) => {
    const result = await readBody(post(body, type ? { 'Content-Type': type } : {}), { limit: 100, types: [JSON_BODY] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(await errorOf(result.response)).toEqual({
      status: 415,
      body: { error: { code: 'unsupported_media_type', message: 'send application/json' } },
    });
    expect(result.response.headers.get('connection')).toBe('close');
  });

  it.each([
    ['{', 'broken JSON'],
    ['', 'no body'],
    ['[1,2]', 'an array'],
    ['null', 'null'],
    ['"text"', 'a string'],
    [new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]), 'invalid UTF-8'],
  ])('answers %j (%s) with 400 malformed_body', async (body, _label) => {
    const result = await readBody(post(body, json), { limit: 100, types: [JSON_BODY] });
    expect(!result.ok && (await errorOf(result.response))).toEqual({
      status: 400,
      body: { error: { code: 'malformed_body', message: 'the body is not a JSON object' } },
    });
  });

  it('answers a broken multipart body with 400 malformed_body', async () => {
    const result = await readBody(post('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb', { 'Content-Type': 'multipart/form-data; boundary=x' }), {
      limit: 100,
      types: FORM_BODIES,
    });
    expect(!result.ok && result.code).toBe('malformed_body');
  });

  it('refuses a Content-Length over the limit before reading the body', async () => {
    const { stream, pulled } = hugeStream();
    const result = await readBody(post(stream, { ...json, 'Content-Length': String(20 * MB) }), { limit: 1000, types: [JSON_BODY] });
    expect(!result.ok && (await errorOf(result.response))).toEqual({
      status: 413,
      body: { error: { code: 'payload_too_large', message: 'the body is larger than 1000 bytes' } },
    });
    expect(!result.ok && result.response.headers.get('connection')).toBe('close');
    // At most the one chunk a stream queues by itself when it is made.
    expect(pulled()).toBeLessThanOrEqual(64 * 1024);
  });

  it.each([
    ['no Content-Length (chunked)', {}],
    ['a Content-Length that lies', { 'Content-Length': '10' }],
  ])('stops reading a 20 MB body with %s just past the limit: 413', async (_label, headers: Record<string, string>) => {
    const { stream, pulled } = hugeStream();
    const result = await readBody(post(stream, { ...json, ...headers }), { limit: 32 * 1024, types: [JSON_BODY] });
    expect(!result.ok && result.code).toBe('payload_too_large');
    expect(!result.ok && result.response.status).toBe(413);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(pulled()).toBeLessThanOrEqual(3 * 64 * 1024);
  });

  it('takes a body of exactly the limit', async () => {
    const body = JSON.stringify({ a: 'x'.repeat(92) });
    expect(body.length).toBe(100);
    expect((await readBody(post(body, json), { limit: 100, types: [JSON_BODY] })).ok).toBe(true);
    expect((await readBody(post(body, json), { limit: 99, types: [JSON_BODY] })).ok).toBe(false);
  });

  describe('with a schema', () => {
    const schema = z.object({ id: z.number().int().positive(), tags: z.array(z.string()).optional() });

    it('returns the typed value', async () => {
      const result = await readBody(post('{"id":7,"extra":true}', json), { limit: 100, types: [JSON_BODY], schema });
      expect(result).toEqual({ ok: true, value: { id: 7 } });
      if (result.ok) expect(result.value.id + 1).toBe(8);
    });

    it('answers invalid fields with 422 and what is wrong with each, nested ones dotted', async () => {
      const result = await readBody(post('{"id":-1,"tags":["a",2]}', json), { limit: 100, types: [JSON_BODY], schema });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const { status, body } = await errorOf(result.response);
      expect(status).toBe(422);
      expect(body.error).toEqual({ code: 'invalid_fields', message: 'some fields are invalid' });
      expect(Object.keys(body.fields!)).toEqual(['id', 'tags.1']);
    });

    it('answers them with 400 bad_request when asked, naming the field', async () => {
      const result = await readBody(post('choice=maybe', form), {
        limit: 100,
        types: [URLENCODED_BODY],
        schema: z.object({ choice: z.enum(['accept', 'reject']) }),
        invalid: 'bad_request',
        headers: PRIVATE_NO_STORE,
      });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const { status, body } = await errorOf(result.response);
      expect(status).toBe(400);
      expect(body.error.code).toBe('bad_request');
      expect(body.error.message).toMatch(/^choice: /);
      expect(body.fields).toBeUndefined();
      expect(result.response.headers.get('cache-control')).toBe('private, no-store');
    });
  });
});

describe('readBody under a real HTTP server', () => {
  /*
   * As Next.js hands a route handler its request: the node:http request as a web Request's
   * body. The 413 must reach the client, and the server must not read the 20 MB to send it.
   */
  let server: http.Server;
  let port: number;
  let bytesReadWhenAnswered = 0;

  beforeAll(async () => {
    server = http.createServer((req, res) => void answer(req, res));
    async function answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
      const request = new Request(`http://localhost${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: req as unknown as ReadableStream,
        duplex: 'half',
      } as RequestInit);
      const result = await readBody(request, { limit: 32 * 1024, types: [JSON_BODY] });
      bytesReadWhenAnswered = req.socket.bytesRead;
      const response = result.ok ? Response.json(result.value) : result.response;
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    }
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** Sends `total` bytes chunked (or with a Content-Length), stopping when the server answers. */
  function send(total: number, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; connection?: string; body: string; sent: number; closed: boolean }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const request = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/', headers: { 'Content-Type': 'application/json', ...headers } });
      request.on('response', (response) => {
        answered = true;
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => {
          // The server closes the connection after a 413: the socket is gone or going.
          setTimeout(() => resolve({ status: response.statusCode!, connection: response.headers.connection, body, sent, closed: request.socket?.destroyed ?? true }), 50);
        });
      });
      // Writing after the server closed: expected once the answer is in.
      request.on('error', (error) => (answered ? undefined : reject(error)));
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (sent < total && !answered) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once('drain', pump);
        }
        if (!answered) request.end();
      };
      pump();
    });
  }

  it('answers a 20 MB chunked body with 413 and closes, having read a fraction of it', async () => {
    const answer = await send(20 * MB);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: { code: 'payload_too_large', message: 'the body is larger than 32768 bytes' } });
    expect(answer.connection).toBe('close');
    expect(answer.closed).toBe(true);
    expect(bytesReadWhenAnswered).toBeLessThan(MB);
    expect(answer.sent).toBeLessThan(20 * MB);
  });

  it('answers a declared 20 MB body with 413 before it is sent', async () => {
    const answer = await send(20 * MB, { 'Content-Length': String(20 * MB) });
    expect(answer.status).toBe(413);
    expect(answer.connection).toBe('close');
    expect(bytesReadWhenAnswered).toBeLessThan(MB);
  });

  it('still reads a body under the limit', async () => {
    const body = JSON.stringify({ text: 'x'.repeat(1000) });
    const response = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ text: 'x'.repeat(1000) });
  });
});

describe('closeGently', () => {
  it('ends the server side at once and destroys the socket only after the linger time', async () => {
    let serverSocket: net.Socket | undefined;
    const server = net.createServer((socket) => {
      serverSocket = socket;
      closeGently(socket, 300);
      socket.write('HTTP/1.1 413 Payload Too Large\r\nConnection: close\r\n\r\n');
      // What Node's HTTP server calls after a Connection: close answer.
      socket.destroySoon();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // A client that keeps its own side open, as one still sending a body would.
    const client = net.connect({ port: (server.address() as AddressInfo).port, host: '127.0.0.1', allowHalfOpen: true });
    client.on('error', () => undefined);
    let received = '';
    client.on('data', (chunk: Buffer) => (received += chunk.toString()));
    try {
      await new Promise((resolve) => {
        client.once('end', resolve);
        client.once('close', resolve);
      });
      expect(received).toMatch(/^HTTP\/1\.1 413 /);
      expect(serverSocket!.destroyed).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(serverSocket!.destroyed).toBe(true);
    } finally {
      client.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('refuseCrossSite', () => {
  // The unit tests' SITE_URL is the default, http://localhost:3000 (lib/env.ts).
  const site = 'http://localhost:3000';
  const at = (headers: Record<string, string> = {}) => post('', { Host: 'news.example', ...headers });

  it('lets the site itself through, told by Origin, else Sec-Fetch-Site, else Referer', () => {
    expect(refuseCrossSite(at({ Origin: site }))).toBeNull();
    expect(refuseCrossSite(at({ Origin: 'http://localhost:3000/' }))).toBeNull();
    expect(refuseCrossSite(at({ 'Sec-Fetch-Site': 'same-origin', Cookie: 'staff=x' }))).toBeNull();
    expect(refuseCrossSite(at({ Referer: `${site}/admin/messages/MSG-1`, Cookie: 'staff=x' }))).toBeNull();
  });

  it('lets scripts through to the public endpoints, and refuses the staff area a request that says where it is from nowhere', async () => {
    expect(refuseCrossSite(at())).toBeNull();
    expect(refuseCrossSite(at({ Cookie: 'consent=v1.s1.1795606800' }))).toBeNull();
    const staff = refuseCrossSiteStaff(at({ Cookie: 'staff_session=x' }))!;
    expect(await errorOf(staff)).toEqual({ status: 403, body: { error: { code: 'cross_site', message: 'cross-site request refused' } } });
    expect(staff.headers.get('cache-control')).toBe('private, no-store');
    expect(refuseCrossSiteStaff(at({ Origin: site, Cookie: 'staff_session=x' }))).toBeNull();
    expect(refuseCrossSiteStaff(at({ 'Sec-Fetch-Site': 'same-origin' }))).toBeNull();
  });

  it.each<[string, Record<string, string>]>([
    ['another origin', { Origin: 'https://elsewhere.example' }],
    ['another origin that claims our host in X-Forwarded-Host', { Origin: 'http://evil.example', 'X-Forwarded-Host': 'evil.example', Host: 'evil.example' }],
    ['our host name on another port', { Origin: 'http://localhost:8080' }],
    ['our host over https when the site is http', { Origin: 'https://localhost:3000' }],
    ['Origin: null', { Origin: 'null' }],
    ['a garbled Origin', { Origin: 'not a url' }],
    ['a cross-site fetch', { 'Sec-Fetch-Site': 'cross-site', Cookie: 'staff=x' }],
    ['a same-site (other subdomain) fetch', { 'Sec-Fetch-Site': 'same-site' }],
    ['a Referer from another site', { Referer: 'https://evil.example/en', Cookie: 'staff=x' }],
  ])('refuses %s with 403 cross_site', async (_label, headers) => {
    const response = refuseCrossSite(at(headers))!;
    expect(await errorOf(response)).toEqual({ status: 403, body: { error: { code: 'cross_site', message: 'cross-site request refused' } } });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps the answer private when asked to', () => {
    expect(refuseCrossSite(at({ Origin: 'null' }), PRIVATE_NO_STORE)!.headers.get('cache-control')).toBe('private, no-store');
  });
});

describe('LARGEST_BODY', () => {
  it('is at least every limit: the production server passes no more of a body on', async () => {
    await expect(readBody(post('{}', { 'Content-Type': JSON_BODY }), { limit: LARGEST_BODY + 1, types: [JSON_BODY] })).rejects.toThrow(/LARGEST_BODY/);
  });
});

describe('otherMethods', () => {
  it('answers the methods a route does not serve with 405, Allow and the one shape', async () => {
    const { GET, PUT, OPTIONS } = otherMethods('POST');
    const response = GET(new Request('http://localhost/api/contact'));
    expect(await errorOf(response)).toEqual({
      status: 405,
      body: { error: { code: 'method_not_allowed', message: 'GET is not allowed here; use POST' } },
    });
    expect(response.headers.get('allow')).toBe('POST, OPTIONS');
    expect(PUT(new Request('http://localhost/api/contact', { method: 'PUT' })).status).toBe(405);
    const options = OPTIONS(new Request('http://localhost/api/contact', { method: 'OPTIONS' }));
    expect({ status: options.status, allow: options.headers.get('allow') }).toEqual({ status: 204, allow: 'POST, OPTIONS' });
  });

  it('lists HEAD with GET', () => {
    expect(otherMethods('GET').POST(post('')).headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(otherMethods('GET', 'PUT', 'DELETE').PATCH(post('')).headers.get('allow')).toBe('GET, PUT, DELETE, HEAD, OPTIONS');
  });
});

describe('refusePagePost (proxy.ts)', () => {
  const page = 'http://localhost/en/contact';
  const action = new URLSearchParams({ $ACTION_ID_abc: '', name: 'x' }).toString();
  const formHeaders = (body: string) => ({ 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(body.length) });

  it('lets every other method through', async () => {
    expect(await refusePagePost(new Request(page), ['GET'])).toBeNull();
  });

  it('answers a post to a page without a form with 405 and Allow: GET, HEAD, OPTIONS', async () => {
    const response = (await refusePagePost(post('a=b', formHeaders('a=b'), 'http://localhost/en/news'), ['GET']))!;
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(((await response.json()) as ErrorBody).error.code).toBe('method_not_allowed');
  });

  it('lets a form naming a server action through, and leaves its body for Next.js', async () => {
    const request = post(action, formHeaders(action), page);
    expect(await refusePagePost(request, ['GET', 'POST'])).toBeNull();
    expect(await request.text()).toBe(action);
    const withHeader = post('a=b', { ...formHeaders('a=b'), 'Next-Action': '00' }, page);
    expect(await refusePagePost(withHeader, ['GET', 'POST'])).toBeNull();
  });

  it.each([
    ['a JSON body', '{}', { 'Content-Type': 'application/json', 'Content-Length': '2' }, 415, 'unsupported_media_type'],
    ['multipart without a boundary', 'x', { 'Content-Type': 'multipart/form-data', 'Content-Length': '1' }, 415, 'unsupported_media_type'],
    ['no Content-Length', 'a=b', { 'Content-Type': 'application/x-www-form-urlencoded' }, 400, 'bad_request'],
    ['a form naming no action', 'a=b', formHeaders('a=b'), 400, 'bad_request'],
    ['a broken multipart form', '--x\r\nbroken', { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': '12' }, 400, 'malformed_body'],
    ['a body over the limit', 'a=b', { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(FORM_ACTION_LIMIT + 1) }, 413, 'payload_too_large'],
  ])('refuses %s', async (_label, body, headers: Record<string, string>, status, code) => {
    const response = (await refusePagePost(post(body, headers, page), ['GET', 'POST']))!;
    expect(await errorOf(response)).toMatchObject({ status, body: { error: { code } } });
  });
});
