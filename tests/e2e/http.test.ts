import en from '@/messages/en.json';
import { baseUrl, get, requestQueryCount } from './server';

/**
 * Where a redirect points, as path and query (Next.js sends relative locations). On the first,
 * uncached render of a redirecting page Next.js 16.4 repeats the same Location header, which
 * fetch joins with ", "; browsers accept identical repeats, so the first value counts.
 */
function target(response: Response): string {
  const locations = (response.headers.get('location') ?? '').split(', ');
  expect(new Set(locations).size).toBe(1);
  const url = new URL(locations[0]!, baseUrl());
  return url.pathname + url.search;
}

/** Visible text of an HTML document, roughly: no scripts, styles or tags. */
function visibleText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');
}

async function apiPage(channel: string, page: number) {
  const response = await get(`/api/channels/${channel}/articles?locale=en&page=${page}`);
  return (await response.json()) as { items: { channel: string; slug: string; headline: string }[]; totalPages: number };
}

describe('languages and redirects', () => {
  it.each([
    ['zh-CN,zh;q=0.9,en;q=0.8', '/zh'],
    ['zh-TW', '/zh'],
    ['en-GB,en;q=0.9', '/en'],
    ['fr-FR,fr;q=0.9', '/en'],
    ['fr;q=1, zh;q=0.5', '/zh'],
  ])('redirects / for Accept-Language %s to %s', async (acceptLanguage, path) => {
    const response = await get('/', { headers: { 'accept-language': acceptLanguage } });
    expect(response.status).toBe(307);
    expect(target(response)).toBe(path);
    expect(response.headers.get('vary')).toMatch(/accept-language/i);
  });

  it('marks Chinese pages as Simplified Chinese and English pages as English', async () => {
    expect(await (await get('/zh')).text()).toMatch(/<html lang="zh-Hans"/);
    expect(await (await get('/en')).text()).toMatch(/<html lang="en"/);
  });

  it.each(['/fr', '/de/news', '/zh-TW', '/EN'])('answers 404 for the unsupported locale %s', async (path) => {
    expect((await get(path)).status).toBe(404);
  });
});

describe('status codes', () => {
  it.each([
    ['/en/no-such-channel', 'Page not found'],
    ['/en/news/no-such-article', 'Page not found'],
    ['/zh/news/no-such-article', '页面未找到'],
    ['/zh/no-such-channel', '页面未找到'],
    ['/en/news/a/b', 'Page not found'],
    ['/en/news?page=999', 'Page not found'],
    ['/en/news?page=0', 'Page not found'],
    ['/en/news?page=-1', 'Page not found'],
    ['/en/news?page=abc', 'Page not found'],
  ])('%s is a localized 404', async (path, title) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain(title);
    expect(html).not.toMatch(/at \w+ \(|node_modules|SQLITE|SELECT /);
  });

  it('serves page 2 of a channel at ?page=2 and sends ?page=1 to the channel itself', async () => {
    const page2 = await get('/en/news?page=2');
    expect({ status: page2.status, location: page2.headers.get('location') }).toEqual({ status: 200, location: null });
    expect(await page2.text()).toContain('Page 2 of 2');
    const page1 = await get('/en/news?page=1');
    expect(page1.status).toBe(308);
    expect(target(page1)).toBe('/en/news');
    const internal = await get('/en/news/page/2');
    expect(internal.status).toBe(308);
    expect(target(internal)).toBe('/en/news?page=2');
  });

  it('redirects an article requested under the wrong channel to its own URL', async () => {
    const { items } = await apiPage('business', 1);
    const article = items[0]!;
    const response = await get(`/en/news/${article.slug}`);
    expect(response.status).toBe(308);
    expect(target(response)).toBe(`/en/business/${article.slug}`);
  });

  it('serves the site icon', async () => {
    const response = await get('/favicon.ico');
    expect(response.status).toBe(200);
  });
});

describe('server-rendered content', () => {
  it('has the whole article in the HTML: headline, byline, figure, subheads, tags and slogans', async () => {
    const html = await (await get('/en/business/old-warehouse-reopens-for-small-brands')).text();
    expect(html).toMatch(/<h1[^>]*>[^<]*Warehouse/i);
    expect(html).toMatch(/By <a [^>]*href="\/en\/authors\/[a-z-]+"[^>]*>[A-Z]/);
    expect(html).toMatch(/<time dateTime="2026-/);
    expect(html).toMatch(/<figcaption[^>]*>[^<]*\(Photo \/ /);
    expect(html).toMatch(/<h2>/);
    expect(html).toContain(en.Slogans.first);
    expect(html).toContain('渝ICP备20009753号');
    expect(html).toContain('互联网新闻信息服务许可证号:50120220004');
    expect(html).toContain('+86-23-67230470');
    expect(html).toContain('service@ichongqing.info');
  });

  it('formats dates per locale in Shanghai time', async () => {
    const enHtml = visibleText(await (await get('/en/news')).text());
    const zhHtml = visibleText(await (await get('/zh/news')).text());
    expect(enHtml).toMatch(/\b(Sep|Oct|Nov) \d{1,2}, 2026\b/);
    expect(zhHtml).toMatch(/2026年\d{1,2}月\d{1,2}日/);
  });

  it('shows no English interface text on Chinese pages', async () => {
    // Every English interface phrase of two words or more (placeholders and tags removed).
    const phrases: string[] = [];
    const collect = (value: unknown) => {
      if (typeof value === 'string') {
        for (const part of value.replace(/<[^>]+>|\{[^}]+\}/g, '|').split(/[|.:,;()]/)) {
          if (/^[A-Za-z'’&-]+(\s+[A-Za-z'’&-]+)+$/.test(part.trim())) phrases.push(part.trim());
        }
      } else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(en);
    expect(phrases).toEqual(expect.arrayContaining(['Skip to main content', 'Terms of Use']));
    const zhChannel = await (await get('/zh/culture')).text();
    const zhArticle = zhChannel.match(/href="(\/zh\/culture\/[a-z0-9-]+)"/)![1]!;
    for (const path of ['/zh', '/zh/culture', zhArticle, '/zh/about', '/zh/contact', '/zh/privacy', '/zh/terms', '/zh/nowhere']) {
      const text = visibleText(await (await get(path)).text());
      const leaked = phrases.filter((phrase) => text.includes(phrase));
      expect({ path, leaked }).toEqual({ path, leaked: [] });
    }
  });

  it('does not query the database when an article is requested again', async () => {
    // An older article: not prerendered by the build, so the first request renders it.
    const { items, totalPages } = await apiPage('travel', 1);
    const last = (await apiPage('travel', totalPages)).items.at(-1) ?? items.at(-1)!;
    const url = `/en/${last.channel}/${last.slug}`;
    const lines = requestQueryCount;
    expect((await get(url)).status).toBe(200);
    // Past the proxy's one-second recheck of its remembered address checks, which a change
    // elsewhere in the suite may have emptied (one probe, then remembered again).
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await get(url)).status).toBe(200);
    const afterFirst = lines();
    for (let i = 0; i < 5; i++) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain(last.headline.split(' ')[0]);
    }
    expect(lines()).toBe(afterFirst);
  });

  it('serves channel pages as JSON for load-more, with errors for bad input', async () => {
    const page = await apiPage('news', 2);
    expect(page.items.length).toBeGreaterThan(0);
    expect((await get('/api/channels/news/articles?locale=en&page=99')).status).toBe(404);
    expect((await get('/api/channels/news/articles?locale=fr&page=1')).status).toBe(400);
    expect((await get('/api/channels/news/articles?locale=en&page=-3')).status).toBe(400);
    expect((await get('/api/channels/nope/articles?locale=en&page=1')).status).toBe(404);
  });
});
