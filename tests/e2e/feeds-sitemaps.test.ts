import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { siteName } from '@/lib/site';
import { type NewsSitemapUrl, parseXml, type RssItem, type SitemapUrl } from '../helpers/xml';
import { fixtures } from './fixtures';
import { baseUrl, get, requestQueryCount } from './server';

/*
 * Sitemaps, robots.txt and RSS feeds as crawlers and feed readers get them from the production
 * server: every document parsed, every listed file fetched, the fixtures checked.
 */

const XML = 'application/xml; charset=utf-8';
const RSS = 'application/rss+xml; charset=utf-8';
const W3C_DATETIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$/;
const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d \+0800$/;

const url = (path: string) => `${baseUrl()}${path}`;
const articlePath = (f: { locale: string; section: string; slug: string }) => `/${f.locale}/${f.section}/${f.slug}`;

async function fetchXml(path: string, contentType = XML) {
  const response = await get(path);
  expect({ path, status: response.status, type: response.headers.get('content-type') }).toEqual({
    path,
    status: 200,
    type: contentType,
  });
  return parseXml(await response.text());
}

/** Every sitemap file named by the index, fetched and parsed. */
async function readAllSitemaps() {
  const index = await fetchXml('/sitemap.xml');
  const entries = index.sitemapindex.sitemap as { loc: string; lastmod?: string }[];
  const files = new Map<string, SitemapUrl[] | NewsSitemapUrl[]>();
  for (const entry of entries) {
    expect(entry.loc.startsWith(`${baseUrl()}/`)).toBe(true);
    expect(entry.lastmod).toMatch(W3C_DATETIME);
    const path = new URL(entry.loc).pathname;
    files.set(path, (await fetchXml(path)).urlset.url ?? []);
  }
  return files;
}

describe('robots.txt', () => {
  it('allows crawling, keeps crawlers out of the API and admin, and names the sitemaps', async () => {
    const response = await get('/robots.txt');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^User-Agent: \*$/im);
    expect(text).toMatch(/^Allow: \/$/m);
    expect(text).toMatch(/^Disallow: \/api\/$/m);
    expect(text).toMatch(/^Disallow: \/admin$/m);
    expect(text).toContain(`Sitemap: ${url('/sitemap.xml')}`);
    expect(text).toContain(`Sitemap: ${url('/sitemaps/news.xml')}`);
  });
});

describe('sitemaps', () => {
  let files: Map<string, SitemapUrl[] | NewsSitemapUrl[]>;
  beforeAll(async () => {
    files = await readAllSitemaps();
  });

  const articleUrls = (locale: string) =>
    [...files.entries()]
      .filter(([path]) => path.startsWith(`/sitemaps/${locale}/articles-`))
      .flatMap(([, urls]) => urls as SitemapUrl[]);

  it('names a pages file and article files per locale, and the news file', () => {
    expect([...files.keys()]).toEqual([
      '/sitemaps/en/pages.xml',
      '/sitemaps/en/articles-1.xml',
      '/sitemaps/zh/pages.xml',
      '/sitemaps/zh/articles-1.xml',
      '/sitemaps/news.xml',
    ]);
  });

  it('lists only absolute URLs on this server, each once, with W3C dates', () => {
    for (const [path, urls] of files) {
      expect({ path, empty: urls.length === 0 }).toEqual({ path, empty: false });
      const locs = urls.map((u) => u.loc);
      expect(new Set(locs).size).toBe(locs.length);
      for (const entry of urls as SitemapUrl[]) {
        expect(entry.loc.startsWith(`${baseUrl()}/`)).toBe(true);
        if (entry.lastmod !== undefined) expect(entry.lastmod).toMatch(W3C_DATETIME);
        for (const link of entry['xhtml:link'] ?? []) expect(link.href.startsWith(`${baseUrl()}/`)).toBe(true);
      }
    }
  });

  it.each(['en', 'zh'])('lists the %s home, channel, fixed and author pages with reciprocal alternates', (locale) => {
    const urls = files.get(`/sitemaps/${locale}/pages.xml`) as SitemapUrl[];
    const paths = urls.map((u) => new URL(u.loc).pathname);
    for (const page of ['', '/news', '/business', '/about', '/contact', '/privacy', '/terms']) {
      expect(paths).toContain(`/${locale}${page}`);
    }
    expect(paths.some((p) => p.startsWith(`/${locale}/authors/`))).toBe(true);
    const home = urls.find((u) => u.loc === url(`/${locale}`))!;
    expect(home['xhtml:link']!.map((l) => [l.hreflang, l.href])).toEqual([
      ['en', url('/en')],
      ['zh', url('/zh')],
      ['x-default', url('/')],
    ]);
    const news = urls.find((u) => u.loc === url(`/${locale}/news`))!;
    expect(news['xhtml:link']!.map((l) => [l.hreflang, l.href])).toEqual([
      ['en', url('/en/news')],
      ['zh', url('/zh/news')],
      ['x-default', url('/en/news')],
    ]);
  });

  it('gives the fresh English and Chinese pair reciprocal alternates, x-default on English', () => {
    const expected = [
      ['en', url(articlePath(fixtures.freshEn))],
      ['zh', url(articlePath(fixtures.freshZh))],
      ['x-default', url(articlePath(fixtures.freshEn))],
    ];
    for (const fixture of [fixtures.freshEn, fixtures.freshZh]) {
      const entry = articleUrls(fixture.locale).find((u) => u.loc === url(articlePath(fixture)));
      expect(entry?.['xhtml:link']?.map((l) => [l.hreflang, l.href])).toEqual(expected);
      expect(entry!.lastmod).toMatch(/\+08:00$/);
    }
  });

  it('leaves out withdrawn and scheduled articles, and lists a renamed one under its new slug only', () => {
    const all = [...files.values()].flat().map((u) => new URL(u.loc).pathname);
    for (const slug of [fixtures.withdrawn.slug, fixtures.scheduled.slug, fixtures.renamed.oldSlug]) {
      expect(all.filter((path) => path.endsWith(`/${slug}`))).toEqual([]);
    }
    expect(articleUrls('en').map((u) => u.loc)).toContain(url(articlePath(fixtures.renamed)));
    expect(articleUrls('en').map((u) => u.loc)).toContain(url(articlePath(fixtures.hostile)));
  });

  it('lists the last two days of news in both languages with Google News details', () => {
    const urls = files.get('/sitemaps/news.xml') as NewsSitemapUrl[];
    expect(urls.length).toBeLessThanOrEqual(1000);
    const byPath = new Map(urls.map((u) => [new URL(u.loc).pathname, u['news:news']]));
    const fresh = [
      [fixtures.freshEn, 'en', siteName('en')],
      [fixtures.freshZh, 'zh-cn', siteName('zh')],
    ] as const;
    for (const [fixture, language, name] of fresh) {
      const news = byPath.get(articlePath(fixture));
      expect(news?.['news:publication']).toEqual({ 'news:name': name, 'news:language': language });
      expect(news!['news:publication_date']).toMatch(W3C_DATETIME);
      expect(news!['news:title'].length).toBeGreaterThan(0);
    }
    const dates = urls.map((u) => Date.parse(u['news:news']['news:publication_date']));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    // The cached copy may be some minutes old: allow an hour beyond the 48.
    const twoDaysAgo = Date.now() - 49 * 3_600_000;
    expect(dates.filter((d) => Number.isNaN(d) || d < twoDaysAgo || d > Date.now())).toEqual([]);
  });
});

describe('RSS feeds', () => {
  const feeds = [
    ['/en/feed.xml', 'en', en.Feed.title.replace('{site}', siteName('en')), '/en'],
    ['/zh/feed.xml', 'zh-cn', zh.Feed.title.replace('{site}', siteName('zh')), '/zh'],
    ['/en/news/feed.xml', 'en', en.Feed.channelTitle.replace('{site}', siteName('en')).replace('{channel}', 'News'), '/en/news'],
    ['/zh/news/feed.xml', 'zh-cn', zh.Feed.channelTitle.replace('{site}', siteName('zh')).replace('{channel}', '新闻'), '/zh/news'],
  ] as const;

  it.each(feeds)('%s is RSS 2.0 in its language with at most 50 complete items', async (path, language, title, link) => {
    const rss = (await fetchXml(path, RSS)).rss;
    expect(rss.version).toBe('2.0');
    const { channel } = rss;
    expect(channel.title).toBe(title);
    expect(channel.link).toBe(url(link));
    expect(channel.description.length).toBeGreaterThan(0);
    expect(channel.language).toBe(language);
    expect(channel.lastBuildDate).toMatch(RFC_822);
    expect(channel['atom:link']).toEqual({ href: url(path), rel: 'self', type: 'application/rss+xml' });
    const items = channel.item as RssItem[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(50);
    for (const item of items) {
      expect(item.title.length).toBeGreaterThan(0);
      expect(item.link.startsWith(`${url(link)}/`)).toBe(true);
      expect(item.guid.isPermaLink).toBe('false');
      expect(item.guid['#text'].length).toBeGreaterThan(0);
      expect(item.pubDate).toMatch(RFC_822);
      expect(Number.isNaN(Date.parse(item.pubDate))).toBe(false);
      expect(item.description.length).toBeGreaterThan(0);
      expect(item.category?.length).toBe(1);
      if (item['media:content']) expect(item['media:content'].url.startsWith(`${baseUrl()}/`)).toBe(true);
    }
    const dates = items.map((item) => Date.parse(item.pubDate));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('fills the English feed with the 50 newest articles', async () => {
    const items = (await fetchXml('/en/feed.xml', RSS)).rss.channel.item as RssItem[];
    expect(items).toHaveLength(50);
    expect(items[0]!.link).toBe(url(articlePath(fixtures.freshEn)));
    expect(items[0]!.guid['#text']).toBe(fixtures.freshEn.id);
  });

  it('carries the hostile headline escaped, so it reads back exactly', async () => {
    const items = (await fetchXml('/en/opinion/feed.xml', RSS)).rss.channel.item as RssItem[];
    const hostile = items.find((item) => item.guid['#text'] === fixtures.hostile.id);
    expect(hostile?.title).toBe(fixtures.hostile.headline);
    // <description> is HTML to feed readers: the plain-text summary arrives escaped, as text.
    expect(hostile!.description).toContain('&lt;/script&gt;&lt;!-- and ]]&gt; and &lt;img src=x');
  });

  it('leaves out withdrawn and scheduled articles, and links a renamed one by its new slug', async () => {
    const links: string[] = [];
    for (const path of ['/en/feed.xml', '/en/news/feed.xml', '/en/culture/feed.xml']) {
      links.push(...((await fetchXml(path, RSS)).rss.channel.item as RssItem[]).map((item) => item.link));
    }
    for (const slug of [fixtures.withdrawn.slug, fixtures.scheduled.slug, fixtures.renamed.oldSlug]) {
      expect(links.filter((link) => link.endsWith(`/${slug}`))).toEqual([]);
    }
    expect(links).toContain(url(articlePath(fixtures.renamed)));
  });
});

describe('HTTP', () => {
  const documents = [
    ['/sitemap.xml', XML],
    ['/sitemaps/en/pages.xml', XML],
    ['/sitemaps/zh/articles-1.xml', XML],
    ['/sitemaps/news.xml', XML],
    ['/en/feed.xml', RSS],
    ['/zh/culture/feed.xml', RSS],
    ['/robots.txt', 'text/plain'],
  ] as const;

  it.each(documents)('answers HEAD %s like GET, without a body', async (path, type) => {
    const getResponse = await get(path);
    const headResponse = await get(path, { method: 'HEAD' });
    expect(getResponse.headers.get('content-type')).toBe(type);
    expect({ status: headResponse.status, type: headResponse.headers.get('content-type') }).toEqual({
      status: getResponse.status,
      type: getResponse.headers.get('content-type'),
    });
    expect(await headResponse.text()).toBe('');
  });

  it.each([
    '/fr/feed.xml',
    '/en/no-such-channel/feed.xml',
    '/zh/no-such-channel/feed.xml',
    '/sitemaps/fr/pages.xml',
    '/sitemaps/fr/articles-1.xml',
    '/sitemaps/en/articles-0.xml',
    '/sitemaps/en/articles-999.xml',
    '/sitemaps/en/articles.xml',
    '/sitemaps/en/other.xml',
    '/sitemaps/nope.xml',
  ])('answers 404 for %s', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    const head = await get(path, { method: 'HEAD' });
    expect(head.status).toBe(404);
  });

  it('lets a CDN keep feeds and sitemaps, and stream-served article sitemaps for an hour', async () => {
    for (const path of ['/en/feed.xml', '/sitemap.xml', '/sitemaps/news.xml', '/sitemaps/en/articles-1.xml']) {
      const cacheControl = (await get(path)).headers.get('cache-control') ?? '';
      expect(cacheControl).toMatch(/^public, /);
      expect(cacheControl).toMatch(/s-maxage=\d+/);
      expect(cacheControl).toContain('stale-while-revalidate=86400');
    }
    expect((await get('/sitemaps/en/articles-1.xml')).headers.get('cache-control')).toBe(
      'public, max-age=0, s-maxage=3600, stale-while-revalidate=86400',
    );
  });

  it('serves feeds, the index, pages and news sitemaps from the cache without querying the database', async () => {
    const lines = requestQueryCount;
    const cached = ['/en/feed.xml', '/zh/news/feed.xml', '/sitemap.xml', '/sitemaps/zh/pages.xml', '/sitemaps/news.xml'];
    // The first request may build a document (or rebuild one past its lifetime); after that
    // they come from the data cache (lib/seo/cached.ts) without touching the database.
    for (let pass = 0; pass < 2; pass++) {
      for (const path of cached) expect((await get(path)).status).toBe(200);
    }
    // A rebuild started by a stale copy finishes in the background: let it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = lines();
    for (let round = 0; round < 3; round++) {
      for (const path of cached) expect((await get(path)).status).toBe(200);
    }
    expect(lines()).toBe(before);
  });
});
