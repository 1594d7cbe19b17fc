/*
 * Hostile GET requests: bad values for every route and query parameter. The e2e suite sends
 * them to the production server (tests/e2e/hostile-input.test.ts); the routing table test
 * resolves the reader addresses among them without a build (tests/unit/routing.test.ts).
 */

const long = 'a'.repeat(5000);
export const hostileGets = [
  '/en/news?page=-1',
  '/en/news?page=0',
  '/en/news?page=99999999999999999999',
  '/en/news?page=abc',
  '/en/news?page=1e3',
  '/en/news?page=%00',
  '/en/news?page=2&page=3',
  `/en/news/${long}`,
  '/en/news/..%2F..%2F..%2Fetc%2Fpasswd',
  '/en/news/%2e%2e/%2e%2e/etc/passwd',
  '/en/news/%00',
  '/en/news/%E2%80%AEevil',
  '/en/news/新闻-abc',
  '/en/news/Оfficial-news',
  '/en/news/a%20b',
  '/xx/news',
  '/EN/news',
  `/${long}`,
  '/en/authors/%3Cscript%3E',
  `/en/authors/li-wen?page=${long}`,
  '/en/_ask/news',
  '/en/missing',
  '/en/cookies?return=https://evil.example/',
  '/en/cookies?return=%2F%2Fevil.example',
  '/api/channels/news/articles?locale=en&page=-5',
  '/api/channels/news/articles?locale=xx&page=1',
  '/api/channels/news/articles',
  `/api/channels/${long}/articles?locale=en&page=1`,
  '/api/channels/news/articles?locale=en&page=1%27%20OR%201=1--',
  '/sitemaps/en/articles-0.xml',
  '/sitemaps/en/articles-99999999999.xml',
  '/sitemaps/xx/pages.xml',
  '/sitemaps/en/../../etc/passwd',
  '/admin/messages?page=-1',
  '/admin/messages/%00',
];
