import { hostileGets as pages } from '../helpers/hostile-requests';
import { fixtures } from './fixtures';
import { E2E_INGEST_TOKEN, get } from './server';

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
