import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import type { Browser, BrowserContext } from 'playwright-core';
import { startEdge, type RunningEdge } from '@/scripts/lib/edge';
import { freePort } from '@/scripts/lib/local-server';
import { axeViolations } from './axe';
import { launchChromium } from './browser';
import { baseUrl, get } from './server';
import { htmlErrors } from './vnu';

/*
 * Search (issue 16) against the production build and the demo content, in both languages:
 * without JavaScript from the header, results, paging and filters, what every hostile query
 * gets (200, a 308 to the canonical address, or a clear 400; never 5xx), the per-client limit,
 * the JSON API, OpenSearch, robots and structured data, the edge cache, axe and the Nu checker.
 *
 * Each test searches as its own client (X-Forwarded-For from loopback is believed, as from the
 * shipped nginx), so that no test spends another's allowance of 30 searches in 10 seconds.
 */

jest.setTimeout(120_000);

let clients = 0;
/** Headers of a new client address. */
function asNewClient(): Record<string, string> {
  clients++;
  return { 'X-Forwarded-For': `10.16.${Math.floor(clients / 250)}.${(clients % 250) + 1}` };
}
const search = (pathname: string, init: RequestInit = {}) => get(pathname, { ...init, headers: { ...asNewClient(), ...init.headers } });
const documentOf = async (response: Response) => new JSDOM(await response.text()).window.document;

// Words with known results in the demo content (scripts/seed.ts).
const words = {
  en: { many: 'river', none: 'xyzzyq', otherLanguageOnly: '火锅' },
  zh: { many: '城市', none: 'xyzzyq', otherLanguageOnly: 'hotpot' },
} as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function newContext(width: number, javaScriptEnabled = false): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled, extraHTTPHeaders: asNewClient() });
}

describe.each(['en', 'zh'] as const)('the search page in %s', (locale) => {
  const { many, none, otherLanguageOnly } = words[locale];
  const other = locale === 'en' ? 'zh' : 'en';

  it('is reached without JavaScript from the header form of any page, and lists marked results', async () => {
    const context = await newContext(1366);
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/${locale}/about`);
    const form = page.getByRole('search');
    await form.getByRole('searchbox').fill(`  ${many}  `);
    await form.getByRole('searchbox').press('Enter');
    await page.waitForURL(`**/${locale}/search?q=${encodeURIComponent(many)}`);
    const heading = page.getByRole('main').getByRole('heading', { level: 2 });
    await expect(heading.textContent()).resolves.toMatch(locale === 'en' ? /^\d+ results for “river”/ : /“城市”的搜索结果：\d+条/);
    const items = page.getByRole('list', { name: locale === 'en' ? 'Search results' : '搜索结果' }).getByRole('listitem');
    expect(await items.count()).toBe(10);
    expect(await items.first().locator('mark').count()).toBeGreaterThan(0);
    expect((await items.first().locator('mark').first().textContent())?.toLowerCase()).toContain(locale === 'en' ? 'river' : '城市');
    const firstLink = items.first().getByRole('heading', { level: 3 }).getByRole('link');
    expect(await firstLink.getAttribute('href')).toMatch(new RegExp(`^/${locale}/[a-z0-9-]+/[a-z0-9-]+$`));
    expect(await page.title()).toContain(many);
    await context.close();
  });

  it('is reached on a phone through the header link to the search page', async () => {
    const context = await newContext(390);
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/${locale}`);
    expect(await page.getByRole('banner').getByRole('search').isVisible()).toBe(false);
    await page.getByRole('banner').getByRole('link', { name: locale === 'en' ? 'Search' : '搜索', exact: true }).click();
    await page.waitForURL(`**/${locale}/search`);
    await page.getByRole('main').getByRole('searchbox').fill(many);
    await page.getByRole('main').getByRole('button', { name: locale === 'en' ? 'Search' : '搜索' }).click();
    await page.waitForURL(`**/${locale}/search?q=${encodeURIComponent(many)}`);
    expect(await page.getByRole('list', { name: locale === 'en' ? 'Search results' : '搜索结果' }).getByRole('listitem').count()).toBe(10);
    await context.close();
  });

  it('filters and orders through the same GET form, keeping the words; defaults drop out of the address', async () => {
    const context = await newContext(1366);
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/${locale}/search?q=${encodeURIComponent(many)}`);
    const main = page.getByRole('main');
    // The filters are folded away until one is set.
    expect(await main.getByRole('combobox', { name: locale === 'en' ? 'Order' : '排序' }).isVisible()).toBe(false);
    await main.locator('summary').click();
    await main.getByRole('combobox', { name: locale === 'en' ? 'Order' : '排序' }).selectOption('newest');
    await main.getByRole('combobox', { name: locale === 'en' ? 'Time' : '时间' }).selectOption('year');
    await main.getByRole('button', { name: locale === 'en' ? 'Search' : '搜索' }).click();
    await page.waitForURL(`**/${locale}/search?q=${encodeURIComponent(many)}&time=year&order=newest`);
    expect(await main.getByRole('combobox', { name: locale === 'en' ? 'Order' : '排序' }).inputValue()).toBe('newest');
    const dates = await main.locator('ol time').evaluateAll((times) => times.map((time) => time.getAttribute('datetime')!));
    expect(dates.length).toBeGreaterThan(1);
    expect([...dates].sort().reverse()).toEqual(dates);
    // Back to where the reader was before filtering.
    await page.goBack();
    await page.waitForURL(`**/${locale}/search?q=${encodeURIComponent(many)}`);
    await context.close();
  });

  it('pages with plain links; a page past the end is a 404', async () => {
    const first = await search(`/${locale}/search?q=${encodeURIComponent(many)}`);
    expect(first.status).toBe(200);
    const doc = await documentOf(first);
    const next = doc.querySelector('a[rel="next"]')!.getAttribute('href')!;
    expect(next).toBe(`/${locale}/search?q=${encodeURIComponent(many)}&page=2`);
    const second = await search(next);
    expect(second.status).toBe(200);
    const secondDoc = await documentOf(second);
    expect(secondDoc.title).toContain(locale === 'en' ? '(page 2)' : '（第2页）');
    expect(secondDoc.querySelector('a[rel="prev"]')!.getAttribute('href')).toBe(`/${locale}/search?q=${encodeURIComponent(many)}`);
    expect((await search(`/${locale}/search?q=${encodeURIComponent(many)}&page=99`)).status).toBe(404);
    expect((await search(`/${locale}/search?q=${encodeURIComponent(none)}&page=2`)).status).toBe(404);
  });

  it('says when nothing matched, and links to the other language’s results when it has some', async () => {
    const nothing = await documentOf(await search(`/${locale}/search?q=${encodeURIComponent(none)}`));
    expect(nothing.querySelector('main h2')!.textContent).toContain(none);
    expect(nothing.querySelector(`main a[href^="/${other}/search"][hreflang]`)).toBeNull();
    const response = await search(`/${locale}/search?q=${encodeURIComponent(otherLanguageOnly)}`);
    expect(response.status).toBe(200);
    const doc = await documentOf(response);
    const link = doc.querySelector(`main a[href="/${other}/search?q=${encodeURIComponent(otherLanguageOnly)}"]`)!;
    expect(link.textContent).toMatch(locale === 'en' ? /^\d+ results? in 中文$/ : /^English版有\d+条结果$/);
    const there = await search(link.getAttribute('href')!);
    expect(there.status).toBe(200);
    expect((await documentOf(there)).querySelectorAll('main ol > li').length).toBeGreaterThan(0);
  });

  it('is not indexed, names the words in its title, switches language with the same words, and is kept 30 s by shared caches', async () => {
    const response = await search(`/${locale}/search?q=${encodeURIComponent(many)}&order=newest`);
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=30, stale-while-revalidate=30');
    const doc = await documentOf(response);
    expect(doc.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe('noindex, follow');
    expect(doc.title).toContain(many);
    expect(doc.documentElement.lang).toBe(locale === 'en' ? 'en' : 'zh-Hans');
    expect(doc.querySelector('header a[hreflang]')!.getAttribute('href')).toBe(`/${other}/search?q=${encodeURIComponent(many)}&order=newest`);
    if (locale === 'zh') expect(doc.querySelector('main')!.textContent).not.toMatch(/\b(results|Search|Channel|Order)\b/);
  });

  it('shows the form alone for no words', async () => {
    const response = await search(`/${locale}/search`);
    expect(response.status).toBe(200);
    const doc = await documentOf(response);
    expect(doc.querySelector('main form[role="search"]')).not.toBeNull();
    expect(doc.querySelector('main ol')).toBeNull();
  });

  it('answers a search it cannot run with 400 and a page that says why, in the reader’s language', async () => {
    const long = await search(`/${locale}/search?q=${'a'.repeat(201)}`);
    expect(long.status).toBe(400);
    const doc = await documentOf(long);
    expect(doc.querySelector('main h2')!.textContent).toBe(locale === 'en' ? 'This search cannot be run' : '无法进行此搜索');
    expect(doc.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe('noindex, follow');
    for (const query of ['q=x&channel=no-such-channel', 'q=x&time=decade', 'q=x&order=oldest', 'q=x&page=abc']) {
      expect({ query, status: (await search(`/${locale}/search?${query}`)).status }).toEqual({ query, status: 400 });
    }
  });
});

describe('hostile queries', () => {
  // Raw query strings, sent as they are (invalid percent-encoding included).
  const hostile = [
    'q=NEAR(',
    'q=NEAR(a%20b,%202)',
    'q=%22',
    'q=%22unclosed%20phrase',
    'q=*',
    'q=a*',
    'q=-',
    'q=-river',
    'q=OR',
    'q=a%20OR%20b%20AND%20NOT',
    'q=river%20NOT%20',
    "q='%3B%20DROP%20TABLE%20articles%3B%20--",
    'q=1%27%20OR%20%271%27%3D%271',
    'q=%25',
    'q=_',
    'q=%5C',
    'q=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    `q=${'a'.repeat(10_000)}`,
    `q=${'%E5%9F%8E'.repeat(1_000)}`,
    `q=${'a%20'.repeat(2_000)}`,
    'q=%00',
    'q=a%00b',
    'q=%01%02%03%1F%7F',
    'q=%ED%A0%80',
    'q=%ED%B0%80x',
    'q=%F0%9F%98%80',
    'q=%E4%ZZ',
    'q=%',
    'q=%%%',
    'q=%G1',
    'q=%E2%80%AE',
    'q=%EF%BB%BF',
    'q=a&q=b&q=c',
    'q[]=x',
    'q=x&channel=',
    'q=x&channel=..%2F..%2Fetc',
    'q=x&channel=%00',
    'q=x&time=%00',
    'q=x&order=relevance%27',
    'q=x&page=0',
    'q=x&page=-1',
    'q=x&page=99999999999999999999',
    'q=x&page=1e3',
    'q=x&page=999999',
    'q==&&&=',
  ];

  it.each(['en', 'zh'])('get 200, a 308 to an address that answers 200 or 400, or a clear 400, never 5xx (%s)', async (locale) => {
    const outcomes: string[] = [];
    for (const query of hostile) {
      const response = await search(`/${locale}/search?${query}`);
      let status = response.status;
      if (status === 308) {
        const location = response.headers.get('location')!;
        expect(new URL(location, baseUrl()).pathname).toBe(`/${locale}/search`);
        const followed = await search(location);
        status = followed.status;
        await followed.text();
      } else {
        await response.text();
      }
      outcomes.push(`${query.slice(0, 40)} → ${status}`);
      expect({ query: query.slice(0, 60), ok: [200, 400, 404].includes(status) }).toEqual({ query: query.slice(0, 60), ok: true });
    }
    // 404 only for a page past the results; everything else runs or is refused.
    expect(outcomes.filter((o) => o.endsWith('404')).length).toBeLessThanOrEqual(2);
    expect(outcomes.filter((o) => o.endsWith('404')).every((o) => o.includes('page='))).toBe(true);
  });

  it('an address longer than the server takes (16 KB of request head) is refused before the app: 431', async () => {
    const response = await search(`/en/search?q=${'%E5%9F%8E'.repeat(3_000)}`);
    expect(response.status).toBe(431);
  });

  it('the API answers every one with 200, 400 or 404 JSON, never 5xx', async () => {
    for (const query of hostile) {
      const response = await search(`/api/search?locale=en&${query}`);
      expect({ query: query.slice(0, 60), status: [200, 400, 404].includes(response.status) }).toEqual({ query: query.slice(0, 60), status: true });
      const body = (await response.json()) as { error?: { code: string } };
      if (response.status !== 200) expect(typeof body.error?.code).toBe('string');
    }
  });
});

describe('GET /api/search', () => {
  it.each(['en', 'zh'] as const)('gives the same results as the page, as JSON (%s)', async (locale) => {
    const q = words[locale].many;
    const response = await search(`/api/search?locale=${locale}&q=${encodeURIComponent(q)}&page=2`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=30, stale-while-revalidate=30');
    const body = (await response.json()) as {
      total: number;
      page: number;
      totalPages: number;
      hits: { url: string; headline: { text: string; match: boolean }[]; snippet: unknown[]; channel: { slug: string; name: string }; date: string; authors: string[] }[];
    };
    expect(body.page).toBe(2);
    expect(body.totalPages).toBe(Math.ceil(body.total / 10));
    expect(body.hits).toHaveLength(10);
    const hit = body.hits[0]!;
    expect(hit.url).toMatch(new RegExp(`^https?://[^/]+/${locale}/[a-z0-9-]+/[a-z0-9-]+$`));
    expect(hit.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+08:00$/);
    expect(typeof hit.channel.name).toBe('string');
    expect(Array.isArray(hit.authors)).toBe(true);
    expect([...hit.headline, ...(hit.snippet as { match: boolean }[])].some((run) => run.match)).toBe(true);

    const pageDoc = await documentOf(await search(`/${locale}/search?q=${encodeURIComponent(q)}&page=2`));
    const pageLinks = [...pageDoc.querySelectorAll('main ol h3 a')].map((a) => a.getAttribute('href'));
    expect(body.hits.map((h) => new URL(h.url).pathname)).toEqual(pageLinks);
  });

  it('refuses what it cannot run in the one error shape', async () => {
    const cases: [string, number, string][] = [
      ['locale=xx&q=river', 400, 'bad_request'],
      ['q=river', 400, 'bad_request'],
      [`locale=en&q=${'a'.repeat(201)}`, 400, 'query_too_long'],
      ['locale=en&q=river&time=decade', 400, 'bad_request'],
      ['locale=en&q=river&channel=no-such-channel', 400, 'bad_request'],
      ['locale=en&q=river&page=99', 404, 'not_found'],
    ];
    for (const [query, status, code] of cases) {
      const response = await search(`/api/search?${query}`);
      expect({ query, status: response.status, code: ((await response.json()) as { error: { code: string } }).error.code }).toEqual({ query, status, code });
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });
});

describe('a flood of searches', () => {
  it.each([
    ['the page', '/en/search?q=river'],
    ['the API', '/api/search?locale=en&q=river'],
  ])('from one client is answered 429 with Retry-After, never stored, while other clients still search (%s)', async (_label, pathname) => {
    const client = asNewClient();
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 40; i++) {
      const response = await get(pathname, { headers: client });
      statuses.push(response.status);
      if (response.status === 429) limited ??= response;
      await response.arrayBuffer();
    }
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited!.headers.get('cache-control')).toBe('no-store');
    expect((await search(pathname)).status).toBe(200);
  });
});

describe('search in the site’s head, robots and structured data', () => {
  it.each(['en', 'zh'] as const)('every page links the %s OpenSearch description, which points at the search page', async (locale) => {
    for (const pathname of [`/${locale}`, `/${locale}/business`, `/${locale}/about`, `/${locale}/search`]) {
      const doc = await documentOf(await search(pathname));
      const link = doc.querySelector('head link[rel="search"]');
      expect({ pathname, href: link?.getAttribute('href'), type: link?.getAttribute('type') }).toEqual({
        pathname,
        href: `/${locale}/opensearch.xml`,
        type: 'application/opensearchdescription+xml',
      });
      expect(link!.getAttribute('title')).toBeTruthy();
    }
    const response = await get(`/${locale}/opensearch.xml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/opensearchdescription+xml; charset=utf-8');
    const xml = await response.text();
    expect(xml).toContain('<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/"');
    expect(xml).toContain(`template="${baseUrl()}/${locale}/search?q={searchTerms}"`);
  });

  it.each([
    ['en-GB,en;q=0.9', 'en'],
    ['zh-CN,zh;q=0.9', 'zh'],
  ] as const)('/opensearch.xml with Accept-Language %s leads to the %s description', async (acceptLanguage, locale) => {
    const response = await fetch(`${baseUrl()}/opensearch.xml`, { headers: { 'Accept-Language': acceptLanguage }, redirect: 'manual' });
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get('location')!, baseUrl()).pathname).toBe(`/${locale}/opensearch.xml`);
    expect(response.headers.get('vary')).toContain('Accept-Language');
    const followed = await fetch(`${baseUrl()}/opensearch.xml`, { headers: { 'Accept-Language': acceptLanguage } });
    expect(followed.status).toBe(200);
    expect(await followed.text()).toContain(`template="${baseUrl()}/${locale}/search?q={searchTerms}"`);
  });

  it('robots.txt keeps crawlers out of search results', async () => {
    const robots = await (await get('/robots.txt')).text();
    for (const rule of ['Disallow: /api/', 'Disallow: /en/search', 'Disallow: /zh/search']) expect(robots).toContain(rule);
  });

  it.each(['en', 'zh'] as const)('the %s home page declares its search as a SearchAction', async (locale) => {
    const doc = await documentOf(await get(`/${locale}`));
    const nodes = [...doc.querySelectorAll('script[type="application/ld+json"]')].flatMap((script) => {
      const data = JSON.parse(script.textContent!) as Record<string, unknown>;
      return (data['@graph'] as Record<string, unknown>[] | undefined) ?? [data];
    });
    const website = nodes.find((node) => node['@type'] === 'WebSite')!;
    expect(website.potentialAction).toEqual({
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${baseUrl()}/${locale}/search?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    });
  });
});

describe('search behind the edge cache (nginx)', () => {
  let edge: RunningEdge;
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-search-edge-'));
  beforeAll(async () => {
    edge = await startEdge({ port: await freePort(), upstreamPort: Number(new URL(baseUrl()).port), cacheDir });
  });
  afterAll(async () => {
    await edge?.stop();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });
  const viaEdge = (pathname: string, headers: Record<string, string>) => fetch(`${edge.url}${pathname}`, { redirect: 'manual', headers });

  it('sends other spellings to the one address, which it keeps per consent variant', async () => {
    const client = asNewClient();
    const moved = await viaEdge('/zh/search?q=%20%E5%9F%8E%E5%B8%82%20&order=relevance', client);
    expect(moved.status).toBe(308);
    const location = new URL(moved.headers.get('location')!, edge.url);
    expect(`${location.pathname}${location.search}`).toBe('/zh/search?q=%E5%9F%8E%E5%B8%82');
    const first = await viaEdge('/zh/search?q=%E5%9F%8E%E5%B8%82', client);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache-status')).toBe('MISS');
    const body = await first.text();
    const again = await viaEdge('/zh/search?q=%E5%9F%8E%E5%B8%82', client);
    expect(again.headers.get('x-cache-status')).toBe('HIT');
    expect(await again.text()).toBe(body);
    // A visitor who has chosen (no banner) gets an entry of their own.
    const quiet = await viaEdge('/zh/search?q=%E5%9F%8E%E5%B8%82', { ...client, Cookie: `consent=v1.s0.${Math.floor(Date.now() / 1000)}` });
    expect(quiet.headers.get('x-cache-status')).toBe('MISS');
    expect(await quiet.text()).not.toContain('action="/api/consent"');
  });

  it('never keeps a 429', async () => {
    const client = asNewClient();
    const statuses: string[] = [];
    for (let i = 0; i < 35; i++) {
      // Each a different search, so that the cache does not answer them before they count.
      const response = await viaEdge(`/api/search?locale=en&q=river${i}`, client);
      statuses.push(`${response.status} ${response.headers.get('x-cache-status')}`);
      await response.arrayBuffer();
    }
    expect(statuses.filter((s) => s.startsWith('429')).length).toBe(5);
    const limitedAddress = `/api/search?locale=en&q=river34`;
    const later = await viaEdge(limitedAddress, asNewClient());
    expect(later.status).toBe(200);
    expect(later.headers.get('x-cache-status')).toBe('MISS');
  });
});

describe('accessibility and valid HTML', () => {
  const pages = (locale: 'en' | 'zh') => [
    `/${locale}/search?q=${encodeURIComponent(words[locale].many)}`,
    `/${locale}/search?q=${encodeURIComponent(words[locale].many)}&channel=news&time=year&order=newest`,
    `/${locale}/search?q=${encodeURIComponent(words[locale].otherLanguageOnly)}`,
    `/${locale}/search?q=${encodeURIComponent(words[locale].none)}&channel=news&time=day`,
    `/${locale}/search`,
  ];

  describe.each([
    ['en', 390],
    ['en', 1366],
    ['zh', 390],
    ['zh', 1366],
  ] as const)('axe (WCAG 2.2 AA) in %s at %i px', (locale, width) => {
    it.each(pages(locale))('%s has no violations', async (pathname) => {
      const context = await newContext(width, true);
      const page = await context.newPage();
      const response = await page.goto(`${baseUrl()}${pathname}`);
      expect(response!.status()).toBe(200);
      expect({ pathname, violations: await axeViolations(page) }).toEqual({ pathname, violations: [] });
      await context.close();
    });
  });

  it('the Nu checker finds no errors on results, no results, filters, the bare form and a refusal', async () => {
    const all = [...pages('en'), ...pages('zh'), `/en/search?q=${'a'.repeat(201)}`, '/zh/search?q=x&time=decade'];
    expect(await htmlErrors(all, [200, 400], { headers: asNewClient() })).toEqual([]);
  });
});
