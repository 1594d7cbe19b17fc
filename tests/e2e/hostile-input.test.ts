import http from 'node:http';
import { hostileGets as pages } from '../helpers/hostile-requests';
import { fixtures } from './fixtures';
import { baseUrl, E2E_INGEST_TOKEN, get } from './server';

/*
 * Hostile input (issue 7, part 2): bad values for every route and query parameter, and
 * malformed or oversized bodies for every POST. Always an answer below 500, and never a stack
 * trace or SQL in it.
 */

const bodies: [string, string, Record<string, string>][] = [
  ['{', 'application/json', {}],
  ['[]', 'application/json', {}],
  ['null', 'application/json', {}],
  ['"text"', 'application/json', {}],
  [`{"a":"${'x'.repeat(2_000_000)}"}`, 'application/json', {}],
  ['%%%', 'application/x-www-form-urlencoded', {}],
  ['x'.repeat(100_000), 'application/x-www-form-urlencoded', {}],
  ['<xml/>', 'application/xml', {}],
  ['', 'multipart/form-data; boundary=x', {}],
  ['--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb', 'multipart/form-data; boundary=x', {}],
  ['--x--', 'multipart/form-data; boundary=x', {}],
  // A well-formed form that names no server action, and one claiming an action that does not exist.
  ['--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n', 'multipart/form-data; boundary=x', {}],
  ['--x\r\nContent-Disposition: form-data; name="$ACTION_ID_00"\r\n\r\n\r\n--x--\r\n', 'multipart/form-data; boundary=x', {}],
  ['a=b', 'application/x-www-form-urlencoded', { 'Next-Action': '00' }],
];
const posts = ['/api/contact', '/api/consent', '/api/views', '/api/v1/articles/x', '/admin/sign-in', '/admin/sign-out', '/en/contact', '/zh/news', '/en'];

function expectHarmless(path: string, status: number, text: string) {
  expect({ path, server_error: status >= 500 }).toEqual({ path, server_error: false });
  for (const leak of [/\bat [\w$.<>]+ \(.*:\d+:\d+\)/, /SqliteError|SQLITE_|SELECT .* FROM|node_modules\//i]) {
    expect({ path, leak: leak.test(text) }).toEqual({ path, leak: false });
  }
}

it.each(pages)('GET %s answers below 500 and leaks nothing', async (path) => {
  const response = await get(path);
  expectHarmless(path, response.status, await response.text());
});

describe.each(posts)('POST %s', (path) => {
  it.each(
    bodies.map(([body, type, headers]) => [body.slice(0, 30), body, type, headers] as const),
  )(
    'with %j answers below 500 and leaks nothing',
    async (_label, body, type, headers) => {
      const response = await get(path, {
        method: 'POST',
        body,
        headers: { 'Content-Type': type, Authorization: `Bearer ${E2E_INGEST_TOKEN}`, ...headers },
      });
      expectHarmless(`${path} ${type}`, response.status, await response.text());
    },
  );
});

/*
 * Issue 14: methods an address does not serve, and byte ranges, on every kind of address
 * (pages, feeds, sitemaps, APIs, the staff area, public/ files and the build's static files).
 * TRACE and PROPFIND were 500 or the cacheable page; ranges `send` could not serve were 500.
 */

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request as sent, whatever the method (fetch refuses TRACE). */
function raw(method: string, path: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const request = http.request({ host: hostname, port, method, path, headers }, (response) => {
      let body = '';
      response.setEncoding('latin1');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

/** A script of the build, as the home page links it. */
async function staticScript(): Promise<string> {
  const html = await (await get('/en')).text();
  return /\/_next\/static\/[^"]+\.js/.exec(html)![0];
}

describe('methods', () => {
  const GET_ONLY = 'GET, HEAD, OPTIONS';
  const addresses: [string, string][] = [
    ['/en', GET_ONLY],
    ['/zh/news', GET_ONLY],
    ['/en/contact', 'GET, POST, HEAD, OPTIONS'],
    ['/en/no-such-page', GET_ONLY],
    ['/en/feed.xml', GET_ONLY],
    ['/zh/news/feed.xml', GET_ONLY],
    ['/sitemap.xml', GET_ONLY],
    ['/sitemaps/en/pages.xml', GET_ONLY],
    ['/sitemaps/news.xml', GET_ONLY],
    ['/robots.txt', GET_ONLY],
    ['/api/health', GET_ONLY],
    ['/api/contact', 'POST, OPTIONS'],
    ['/api/v1/articles/x', 'GET, PUT, DELETE, HEAD, OPTIONS'],
    ['/admin/login', GET_ONLY],
    ['/admin/sign-in', 'POST, OPTIONS'],
    ['/images/demo/news-02-lead.jpg', GET_ONLY],
    ['/brand/logo-512.png', GET_ONLY],
  ];
  const methods = ['TRACE', 'PUT', 'DELETE', 'PATCH', 'PROPFIND', 'POST', 'MKCOL', 'PURGE'];
  const refused = addresses.flatMap(([path, allow]) =>
    methods.filter((method) => !allow.split(', ').includes(method)).map((method) => [method, path, allow] as const),
  );

  it.each(refused)('%s %s is 405 with Allow: %s, never stored, in the one shape', async (method, path, allow) => {
    const answer = await raw(method, path);
    expect({ status: answer.status, allow: answer.headers.allow }).toEqual({ status: 405, allow });
    expect(answer.headers['cache-control']).toMatch(/no-store/);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect((JSON.parse(answer.body) as { error: { code: string } }).error.code).toBe('method_not_allowed');
  });

  it.each(addresses)('OPTIONS %s is 204 with Allow: %s', async (path, allow) => {
    const answer = await raw('OPTIONS', path);
    expect({ status: answer.status, allow: answer.headers.allow, body: answer.body }).toEqual({ status: 204, allow, body: '' });
    expect(answer.headers['cache-control']).toMatch(/no-store/);
  });

  it('answers the build’s static files the same way', async () => {
    const script = await staticScript();
    expect((await raw('TRACE', script)).status).toBe(405);
    expect((await raw('PUT', script)).headers.allow).toBe(GET_ONLY);
    expect((await raw('OPTIONS', script)).status).toBe(204);
    expect((await raw('HEAD', script)).status).toBe(200);
  });

  it('still serves HEAD wherever GET is served', async () => {
    for (const path of ['/en', '/en/contact', '/en/feed.xml', '/sitemap.xml', '/api/health', '/brand/logo-512.png']) {
      const answer = await raw('HEAD', path);
      expect({ path, status: answer.status, body: answer.body }).toEqual({ path, status: 200, body: '' });
    }
  });
});

describe('byte ranges of static files', () => {
  const files: [string, () => Promise<string>][] = [
    ['a picture in public/', async () => '/images/demo/news-02-lead.jpg'],
    ['the logo in public/', async () => '/brand/logo-512.png'],
    ['a script of the build', staticScript],
  ];

  describe.each(files)('%s', (_label, file) => {
    let path: string;
    let size: number;
    beforeAll(async () => {
      path = await file();
      const whole = await raw('GET', path);
      expect(whole.status).toBe(200);
      size = Number(whole.headers['content-length']);
    });

    it.each(['bytes=99999999-', 'bytes=-0', 'bytes=99999999-,-0'])('answers the unsatisfiable %s with 416 and Content-Range: bytes */size', async (range) => {
      const answer = await raw('GET', path, { Range: range });
      expect({ status: answer.status, contentRange: answer.headers['content-range'] }).toEqual({ status: 416, contentRange: `bytes */${size}` });
      expect((JSON.parse(answer.body) as { error: { code: string } }).error.code).toBe('range_not_satisfiable');
    });

    it.each(['bytes=5-2', 'bytes=x', 'bytes=', 'garbage', 'items=0-5', 'bytes=0-0,5-9', 'bytes=0-0,99999999-'])(
      'ignores %s (invalid, another unit or several ranges): the whole file',
      async (range) => {
        const answer = await raw('GET', path, { Range: range });
        expect({ status: answer.status, length: answer.body.length }).toEqual({ status: 200, length: size });
      },
    );

    it.each([
      ['bytes=0-9', 0, 9],
      ['bytes=-10', -10, -1],
      ['bytes=-99999999', 0, -1],
      ['bytes=0-99999999', 0, -1],
    ])('serves %s as a 206 of the right bytes, uncompressed', async (range, first, last) => {
      const whole = (await raw('GET', path)).body;
      const [from, to] = [first < 0 ? size + first : first, last < 0 ? size + last : last];
      const answer = await raw('GET', path, { Range: range, 'Accept-Encoding': 'gzip, br' });
      expect({ status: answer.status, contentRange: answer.headers['content-range'], encoding: answer.headers['content-encoding'] }).toEqual({
        status: 206,
        contentRange: `bytes ${from}-${to}/${size}`,
        encoding: undefined,
      });
      expect(answer.body).toBe(whole.slice(from, to + 1));
    });

    it('ignores a range on HEAD', async () => {
      expect((await raw('HEAD', path, { Range: 'bytes=99999999-' })).status).toBe(200);
    });
  });
});

/*
 * Well-formed articles whose values meet what is stored or what is on disk (issue 14): each is
 * refused in the error shape (409 or 422) and nothing is stored, never a 500.
 */
const ingestArticle = {
  locale: 'en',
  section: 'business',
  slug: 'hostile-ingest-never-stored',
  headline: 'Never stored',
  summary: 'Never stored.',
  bodyHtml: '<p>Never stored.</p>',
  publishedAt: '2001-01-01T09:00:00+08:00',
};
const ingestChanges: [string, Record<string, unknown>, number][] = [
  ['a taken slug', { slug: fixtures.freshEn.slug }, 409],
  ['the slug of a withdrawn article', { slug: fixtures.withdrawn.slug }, 409],
  ['a taken translation', { locale: 'zh', translationOf: fixtures.freshEn.id }, 409],
  ['a translation in the same language', { translationOf: fixtures.freshEn.id }, 422],
  ['a translation of itself', { translationOf: 'hostile-ingest' }, 422],
  ...[
    '/images/%ZZ.jpg', '/images/%', '/%E0%A4%A.jpg', '/images/%00.jpg', '/images/%2e%2e/%2e%2e/package.json',
    '/images%2f..%2fpackage.json', '/..', '/.', '/images/demo/', '/images', '/brand/../../package.json',
    '/\\evil.example/a.jpg', '/%5C%5Cevil.example/a.jpg', `/${'a/'.repeat(200)}x.jpg`,
  ].flatMap((src): [string, Record<string, unknown>, number][] => [
    [`the picture ${src}`, { image: { src, alt: 'a' } }, 422],
    [`the picture ${src} with a size`, { image: { src, alt: 'a', width: 10, height: 10 } }, 422],
  ]),
];

it.each(ingestChanges)('PUT /api/v1/articles with %s answers %d in the error shape and stores nothing', async (_, change, status) => {
  const auth = { Authorization: `Bearer ${E2E_INGEST_TOKEN}` };
  const response = await get('/api/v1/articles/hostile-ingest', {
    method: 'PUT',
    body: JSON.stringify({ ...ingestArticle, ...change }),
    headers: { 'Content-Type': 'application/json', ...auth },
  });
  const text = await response.text();
  expectHarmless('/api/v1/articles/hostile-ingest', response.status, text);
  expect(response.status).toBe(status);
  expect(Object.keys((JSON.parse(text) as { fields: object }).fields)).toHaveLength(1);
  expect((await get('/api/v1/articles/hostile-ingest', { headers: auth })).status).toBe(404);
});
