import fs from 'node:fs';
import http from 'node:http';
import { baseUrl, E2E_INGEST_TOKEN, formToken, get, readState } from './server';

/*
 * The request layer (lib/http) on the production server: every refusal of every handler in
 * one JSON shape with its status, 405 with Allow, and bodies over the limit refused without
 * being read (README: "Errors").
 */

interface ErrorBody {
  error: { code: string; message: string };
  fields?: Record<string, string>;
}

const json = { 'Content-Type': 'application/json' };
const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
const auth = { Authorization: `Bearer ${E2E_INGEST_TOKEN}` };
const statistics = () => ({ cookie: `consent=v1.s1.${Math.floor(Date.now() / 1000)}` });
const contact = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ name: 'Layer', email: 'layer@example.com', topic: 'general', message: 'Hello.', consent: 'on', token: formToken(), ...extra });

const refusals: [string, string, RequestInit, number, string][] = [
  ['a contact body that is not JSON', '/api/contact', { method: 'POST', body: '{"name":', headers: json }, 400, 'malformed_body'],
  ['a contact body of another type', '/api/contact', { method: 'POST', body: 'name=x', headers: { 'Content-Type': 'text/plain' } }, 415, 'unsupported_media_type'],
  ['a contact body over 32 KB', '/api/contact', { method: 'POST', body: contact({ message: 'x'.repeat(40_000) }), headers: json }, 413, 'payload_too_large'],
  ['a contact post from another site', '/api/contact', { method: 'POST', body: contact(), headers: { ...json, Origin: 'https://elsewhere.example' } }, 403, 'cross_site'],
  ['a forged form token', '/api/contact', { method: 'POST', body: contact({ token: 'forged' }), headers: json }, 400, 'invalid_token'],
  ['a filled-in honeypot', '/api/contact', { method: 'POST', body: contact({ website: 'spam' }), headers: json }, 400, 'rejected'],
  ['an unknown consent choice', '/api/consent', { method: 'POST', body: 'choice=maybe', headers: form }, 400, 'bad_request'],
  ['a consent choice as JSON', '/api/consent', { method: 'POST', body: '{"choice":"accept"}', headers: json }, 415, 'unsupported_media_type'],
  ['a view without consent', '/api/views', { method: 'POST', body: '{"id":1}', headers: json }, 403, 'no_consent'],
  ['a view of broken JSON', '/api/views', { method: 'POST', body: '{', headers: { ...json, ...statistics() } }, 400, 'malformed_body'],
  ['a view of a non-id', '/api/views', { method: 'POST', body: '{"id":"1"}', headers: { ...json, ...statistics() } }, 400, 'bad_request'],
  ['a view of no article', '/api/views', { method: 'POST', body: '{"id":999999999}', headers: { ...json, ...statistics() } }, 404, 'not_found'],
  ['an article without the token', '/api/v1/articles/layer', { method: 'PUT', body: '{}', headers: json }, 401, 'unauthorized'],
  ['an article of broken JSON', '/api/v1/articles/layer', { method: 'PUT', body: '{', headers: { ...json, ...auth } }, 400, 'malformed_body'],
  ['an article that is a JSON array', '/api/v1/articles/layer', { method: 'PUT', body: '[]', headers: { ...json, ...auth } }, 400, 'malformed_body'],
  ['an article never sent', '/api/v1/articles/never-sent-layer', { headers: auth }, 404, 'not_found'],
  ['a load-more page in an unknown language', '/api/channels/news/articles?locale=fr&page=1', {}, 400, 'bad_request'],
  ['a load-more page of no channel', '/api/channels/nope/articles?locale=en&page=1', {}, 404, 'not_found'],
  ['a page post of JSON', '/en/contact', { method: 'POST', body: '{}', headers: json }, 415, 'unsupported_media_type'],
  ['a page post naming no action', '/zh/contact', { method: 'POST', body: 'a=b', headers: form }, 400, 'bad_request'],
  ['a sign-out from another site', '/admin/sign-out', { method: 'POST', headers: { Origin: 'https://elsewhere.example' } }, 403, 'cross_site'],
  ['a sign-in that is not a form', '/admin/sign-in', { method: 'POST', body: '{}', headers: { ...json, Origin: baseUrl() } }, 415, 'unsupported_media_type'],
];

describe('every refusal in one shape', () => {
  it.each(refusals)('%s (%s) is %i %s, never stored', async (_label, path, init, status, code) => {
    const response = await get(path, init);
    const body = (await response.json()) as ErrorBody;
    expect({ status: response.status, code: body.error.code }).toEqual({ status, code });
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error)).toEqual(['code', 'message']);
    expect(body.error.message).toEqual(expect.any(String));
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toMatch(/no-store/);
  });

  it('adds fields to a 422, by field name, for the contact and newsroom APIs', async () => {
    const message = await get('/api/contact', { method: 'POST', body: contact({ email: 'x', consent: undefined }), headers: json });
    expect(message.status).toBe(422);
    expect(await message.json()).toEqual({
      error: { code: 'invalid_fields', message: expect.any(String) },
      fields: { email: 'email', consent: 'consent' },
    });
    const article = await get('/api/v1/articles/layer', { method: 'PUT', body: '{"locale":"fr"}', headers: { ...json, ...auth } });
    expect(article.status).toBe(422);
    const body = (await article.json()) as ErrorBody;
    expect(body.error.code).toBe('invalid_fields');
    expect(body.fields).toMatchObject({ locale: expect.any(String), headline: expect.any(String) });
  });

  it('asks for the token on a 401', async () => {
    const response = await get('/api/v1/articles/layer', { method: 'DELETE' });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('keeps the staff area private', async () => {
    const response = await get('/admin/sign-out', { method: 'POST', headers: { Origin: 'https://elsewhere.example' } });
    expect(response.headers.get('cache-control')).toBe('private, no-store');
  });
});

describe('methods', () => {
  it.each([
    ['GET', '/api/contact', 'POST, OPTIONS'],
    ['PUT', '/api/consent', 'POST, OPTIONS'],
    ['GET', '/api/views', 'POST, OPTIONS'],
    ['POST', '/api/v1/articles/layer', 'GET, PUT, DELETE, HEAD, OPTIONS'],
    ['POST', '/api/health', 'GET, HEAD, OPTIONS'],
    ['DELETE', '/api/channels/news/articles?locale=en', 'GET, HEAD, OPTIONS'],
    ['GET', '/admin/sign-in', 'POST, OPTIONS'],
    ['POST', '/admin/messages.csv', 'GET, HEAD, OPTIONS'],
    ['POST', '/en/news', 'GET, HEAD, OPTIONS'],
    ['POST', '/zh', 'GET, HEAD, OPTIONS'],
  ])('%s %s is 405 method_not_allowed with Allow: %s', async (method, path, allow) => {
    const response = await get(path, { method, ...(method === 'GET' ? {} : { body: 'a=b', headers: form }) });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    expect(((await response.json()) as ErrorBody).error.code).toBe('method_not_allowed');
  });

  it('answers OPTIONS with the methods a route serves', async () => {
    const response = await get('/api/contact', { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('POST, OPTIONS');
  });
});

describe('bodies over the limit', () => {
  const MB = 1024 * 1024;

  /**
   * Sends a body of `total` bytes (chunked, or with the Content-Length given) and stops as soon
   * as the server answers: how much was sent by then tells whether the server read it all.
   */
  function send(path: string, total: number, headers: Record<string, string>, method = 'POST') {
    const { hostname, port } = new URL(baseUrl());
    return new Promise<{ status: number; body: string; connection?: string; sent: number }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const request = http.request({ host: hostname, port, method, path, headers: { Origin: baseUrl(), ...headers } });
      request.on('response', (response) => {
        answered = true;
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode!, body, connection: response.headers.connection, sent }));
      });
      // Writing after the server closed the connection fails: expected once it has answered.
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

  it.each([
    ['POST', '/api/contact', json],
    ['POST', '/api/consent', form],
    ['PUT', '/api/v1/articles/layer', { ...json, ...auth }],
    ['POST', '/admin/sign-in', form],
  ])('%s %s answers a 20 MB chunked body with 413 and closes, before it is all sent', async (method, path, headers) => {
    const answer = await send(path, 20 * MB, headers, method);
    expect(answer.status).toBe(413);
    expect((JSON.parse(answer.body) as ErrorBody).error.code).toBe('payload_too_large');
    expect(answer.connection).toBe('close');
    expect(answer.sent).toBeLessThan(20 * MB);
    expect((await get('/api/health')).status).toBe(200);
  });

  it('refuses a declared 20 MB body before reading it', async () => {
    const answer = await send('/api/contact', 20 * MB, { ...form, 'Content-Length': String(20 * MB) });
    expect(answer.status).toBe(413);
    expect((JSON.parse(answer.body) as ErrorBody).error.code).toBe('payload_too_large');
    expect(answer.connection).toBe('close');
    expect(answer.sent).toBeLessThan(20 * MB);
  });

  it('refuses a declared 20 MB post to a page with 413, before reading it', async () => {
    const answer = await send('/en/contact', 20 * MB, { ...form, 'Content-Length': String(20 * MB) });
    expect(answer.status).toBe(413);
    expect((JSON.parse(answer.body) as ErrorBody).error.code).toBe('payload_too_large');
    expect(answer.connection).toBe('close');
    expect(answer.sent).toBeLessThan(20 * MB);
  });

  it.each([
    // Next.js read a chunked page post to its end (then proxy.ts refused it with 400).
    ['a chunked post to the contact page', 'POST', '/en/contact', form, 400],
    ['a post to a page without a form', 'POST', '/en/news', form, 405],
    // Refused before the body is read: the connection used to stay open for the rest of it.
    ['a contact post from another site', 'POST', '/api/contact', { ...json, Origin: 'https://elsewhere.example' }, 403],
    ['a view without consent', 'POST', '/api/views', json, 403],
    ['an article without the token', 'PUT', '/api/v1/articles/layer', json, 401],
  ])('answers %s (20 MB, chunked) with %s and closes, before it is all sent', async (_label, method, path, headers, status) => {
    const answer = await send(path, 20 * MB, headers as Record<string, string>, method as string);
    expect(answer.status).toBe(status);
    expect(answer.connection).toBe('close');
    expect(answer.sent).toBeLessThan(20 * MB);
  });
});

describe('memory under a 50 MB body', () => {
  const MB = 1024 * 1024;
  const rss = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${readState().pid}/status`, 'utf8'))![1]) * 1024;

  /**
   * Sends `total` bytes chunked and keeps sending after the answer, until the server closes
   * the connection or all is sent; the server's peak resident memory meanwhile, and how much
   * it took.
   */
  async function flood(method: string, path: string, headers: Record<string, string>, total = 50 * MB) {
    const { hostname, port } = new URL(baseUrl());
    const before = rss();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rss())), 10);
    const result = await new Promise<{ status: number; sent: number }>((resolve) => {
      let sent = 0;
      let status = 0;
      const request = http.request({ host: hostname, port, method, path, headers: { Origin: baseUrl(), ...headers } });
      request.on('response', (response) => {
        status = response.statusCode!;
        response.resume();
      });
      const done = () => resolve({ status, sent });
      request.on('error', done);
      request.on('close', done);
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (sent < total) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once('drain', pump);
        }
        request.end();
      };
      pump();
    });
    clearInterval(sampler);
    return { ...result, growth: peak - before };
  }

  it.each([
    ['POST', '/en/contact', 'a form', form, 400],
    ['POST', '/en/news', 'a form', form, 405],
    ['POST', '/api/contact', 'JSON', json, 413],
    ['PUT', '/api/v1/articles/layer', 'JSON with the token', { ...json, ...auth }, 413],
    ['PUT', '/api/v1/articles/layer', 'JSON without the token', json, 401],
    ['POST', '/api/contact', 'JSON from another site', { ...json, Origin: 'https://elsewhere.example' }, 403],
  ])('%s %s, %s: answered %s, the server grows by less than 10 MB and stops reading', async (method, path, _label, headers, status) => {
    // Once small first: the route's code is loaded, so its memory is not counted.
    await get(path, { method, body: '{}', headers });
    const result = await flood(method, path, headers);
    expect(result.status).toBe(status);
    expect(result.growth).toBeLessThan(10 * MB);
    // What the two kernels buffer (a few MB on loopback), not the 50 MB: the server stopped reading.
    expect(result.sent).toBeLessThan(20 * MB);
    expect((await get('/api/health')).status).toBe(200);
  });
});
