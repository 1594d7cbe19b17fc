import { get } from './server';

/* Security headers on every kind of response (issue 7, first part; the CSP follows). */

const kinds = [
  ['a static page', '/en'],
  ['an article', '/en/business/old-warehouse-reopens-for-small-brands'],
  ['a 404 page', '/en/no-such-page'],
  ['a redirect', '/en/news?page=1'],
  ['JSON', '/api/channels/news/articles?locale=en&page=1'],
  ['a feed', '/en/feed.xml'],
  ['robots.txt', '/robots.txt'],
  ['a static file', '/brand/logo-512.png'],
  ['the health check', '/api/health'],
] as const;

describe.each(kinds)('%s (%s)', (_kind, path) => {
  it('carries the security headers and no X-Powered-By', async () => {
    const response = await get(path);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('permissions-policy')).toContain('camera=()');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-powered-by')).toBeNull();
    // Over plain http no HSTS; behind an https proxy, HSTS.
    expect(response.headers.get('strict-transport-security')).toBeNull();
    const https = await get(path, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(https.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});
