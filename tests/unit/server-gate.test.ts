import fs from 'node:fs';
import path from 'node:path';
import { clientIp, CLIENT_ADDRESS_HEADER, resolveClientAddress, TrustedProxies } from '@/lib/http/client-ip';
import { decideRange } from '@/lib/http/range';
import { allowedMethods, isPageForm, type ServedMethod, servedMethods } from '@/lib/routing/methods';

/*
 * What the production server settles before Next.js (server/gate.ts), as pure functions: the
 * methods each address serves (checked against the route files themselves), byte ranges of
 * static files, and the client address behind trusted proxies.
 */

describe('allowedMethods: one table for the server, the proxy and the route files', () => {
  it.each([
    ['/', 'GET, HEAD, OPTIONS'],
    ['/en', 'GET, HEAD, OPTIONS'],
    ['/zh/news/some-article', 'GET, HEAD, OPTIONS'],
    ['/en/contact', 'GET, POST, HEAD, OPTIONS'],
    ['/zh/contact/', 'GET, POST, HEAD, OPTIONS'],
    ['/fr/contact', 'GET, HEAD, OPTIONS'],
    ['/en/feed.xml', 'GET, HEAD, OPTIONS'],
    ['/sitemaps/en/articles-1.xml', 'GET, HEAD, OPTIONS'],
    ['/api/contact', 'POST, OPTIONS'],
    ['/api/v1/articles/cms-1', 'GET, PUT, DELETE, HEAD, OPTIONS'],
    ['/api/health', 'GET, HEAD, OPTIONS'],
    ['/admin/sign-in', 'POST, OPTIONS'],
    ['/admin/messages/MSG-1/status', 'POST, OPTIONS'],
    ['/admin/messages.csv', 'GET, HEAD, OPTIONS'],
    ['/images/demo/news-01-lead.jpg', 'GET, HEAD, OPTIONS'],
    ['/_next/static/chunks/a.js', 'GET, HEAD, OPTIONS'],
  ])('%s answers %s', (pathname, allow) => {
    expect(allowedMethods(pathname).join(', ')).toBe(allow);
  });

  it('knows the one page that takes a form', () => {
    expect(['/en/contact', '/zh/contact', '/en/news', '/api/contact'].map(isPageForm)).toEqual([true, true, false, false]);
  });

  /** A URL each route file serves, from its folder: dynamic segments filled in, the internal variant segment left out. */
  const samples: Record<string, string> = { locale: 'en', section: 'news', channel: 'news', file: 'articles-1.xml', id: 'cms-1', reference: 'MSG-1', token: 'abc' };
  function routeFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const file = path.join(dir, entry.name);
      return entry.isDirectory() ? routeFiles(file) : entry.name === 'route.ts' ? [file] : [];
    });
  }
  const app = path.resolve(__dirname, '..', '..', 'app');
  const routes = routeFiles(app).map((file) => {
    const segments = path.relative(app, path.dirname(file)).split(path.sep);
    const url = `/${segments
      .filter((segment) => segment !== '[consent]')
      .map((segment) => segment.replace(/^\[(\w+)\]$/, (_match, name: string) => samples[name]!))
      .join('/')}`;
    return [path.relative(app, file), url] as const;
  });

  it.each(routes)('app/%s (%s) serves what the table says, and refuses the rest through otherMethods', (file, url) => {
    const source = fs.readFileSync(path.join(app, file), 'utf8');
    const exported = [...source.matchAll(/export (?:(?:async )?function|const) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((match) => match[1] as ServedMethod);
    const declared = /otherMethods\(([^)]*)\)/.exec(source)?.[1]?.match(/[A-Z]+/g) ?? [];
    expect({ exported: [...exported].sort(), declared }).toEqual({ exported: [...servedMethods(url)].sort(), declared: [...servedMethods(url)] });
  });
});

describe('decideRange (RFC 9110 ranges of a static file)', () => {
  const size = 1000;
  it.each([
    [undefined, { kind: 'whole' }],
    ['bytes=0-9', { kind: 'part', header: 'bytes=0-9' }],
    ['bytes=990-', { kind: 'part', header: 'bytes=990-999' }],
    ['bytes=0-99999999', { kind: 'part', header: 'bytes=0-999' }],
    ['bytes=-10', { kind: 'part', header: 'bytes=990-999' }],
    // A suffix longer than the file is all of it.
    ['bytes=-99999999', { kind: 'part', header: 'bytes=0-999' }],
    ['Bytes= 5-9 ', { kind: 'part', header: 'bytes=5-9' }],
    ['bytes=1000-', { kind: 'unsatisfiable' }],
    ['bytes=99999999-', { kind: 'unsatisfiable' }],
    ['bytes=99999999999999999999999-', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['bytes=1000-,2000-3000', { kind: 'unsatisfiable' }],
    // Invalid: ignored.
    ['bytes=5-2', { kind: 'whole' }],
    ['bytes=x', { kind: 'whole' }],
    ['bytes=', { kind: 'whole' }],
    ['bytes=1-2-3', { kind: 'whole' }],
    ['bytes=0-9,5-2', { kind: 'whole' }],
    ['bytes=--5', { kind: 'whole' }],
    ['garbage', { kind: 'whole' }],
    ['items=0-5', { kind: 'whole' }],
    // Several ranges: the whole file.
    ['bytes=0-0,5-9', { kind: 'whole' }],
    ['bytes=0-0,99999999-', { kind: 'whole' }],
    [`bytes=${Array.from({ length: 500 }, (_, i) => `${i}-${i}`).join(',')}`, { kind: 'whole' }],
  ])('%s → %j', (header, decision) => {
    expect(decideRange(header, size)).toEqual(decision);
  });

  it('finds nothing to serve in an empty file', () => {
    expect(decideRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=-5', 0)).toEqual({ kind: 'unsatisfiable' });
  });
});

describe('resolveClientAddress (TRUSTED_PROXIES)', () => {
  const loopback = new TrustedProxies(['127.0.0.1', '::1']);
  const networks = new TrustedProxies(['10.0.0.0/8', 'fd00::/8', '192.0.2.7']);

  it('takes the socket address from anyone not trusted, whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress('198.51.100.9', '203.0.113.1', loopback)).toBe('198.51.100.9');
    expect(resolveClientAddress('::ffff:198.51.100.9', '203.0.113.1', loopback)).toBe('198.51.100.9');
    expect(resolveClientAddress('2001:db8::1', '203.0.113.1', networks)).toBe('2001:db8::1');
  });

  it('believes a trusted proxy: the rightmost entry that is not a trusted proxy', () => {
    expect(resolveClientAddress('127.0.0.1', '203.0.113.1', loopback)).toBe('203.0.113.1');
    expect(resolveClientAddress('::ffff:127.0.0.1', 'forged, 203.0.113.1', loopback)).toBe('203.0.113.1');
    expect(resolveClientAddress('::1', '203.0.113.1, 127.0.0.1', loopback)).toBe('203.0.113.1');
    expect(resolveClientAddress('10.1.2.3', '198.51.100.1, 203.0.113.5, 192.0.2.7, 10.9.9.9', networks)).toBe('203.0.113.5');
    expect(resolveClientAddress('fd12::1', '2001:db8::5', networks)).toBe('2001:db8::5');
  });

  it('keeps the proxy itself when it forwards nothing, and stops at junk', () => {
    expect(resolveClientAddress('127.0.0.1', undefined, loopback)).toBe('127.0.0.1');
    expect(resolveClientAddress('127.0.0.1', ' , ', loopback)).toBe('127.0.0.1');
    expect(resolveClientAddress('127.0.0.1', '203.0.113.1, unknown', loopback)).toBe('unknown');
  });

  it('refuses TRUSTED_PROXIES entries that are no address or network', () => {
    for (const entry of ['localhost', '10.0.0.0/33', '10.0.0.0/', '::1/129', '1.2.3.4/8/8', '']) {
      expect(() => new TrustedProxies([entry])).toThrow();
    }
    expect(() => new TrustedProxies([])).not.toThrow();
  });

  it('is read by the handlers from the header the server sets', () => {
    expect(clientIp(new Headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.1', 'x-forwarded-for': '198.51.100.1' }))).toBe('203.0.113.1');
    // Without the production server (next dev): the rightmost entry, which Next.js fills in.
    expect(clientIp(new Headers({ 'x-forwarded-for': '198.51.100.1, 203.0.113.2' }))).toBe('203.0.113.2');
    expect(clientIp(new Headers())).toBe('unknown');
  });
});
