import { hostileGets as pages } from '../helpers/hostile-requests';
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
