import { JSDOM } from 'jsdom';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { fixtures } from './fixtures';
import { baseUrl, get } from './server';

/*
 * What a crawler finds in each page's HTML, fetched without JavaScript: titles, descriptions,
 * canonical and hreflang links, OpenGraph and Twitter tags, feeds, JSON-LD, status codes,
 * and the landmarks of the markup.
 */

const article = '/en/business/old-warehouse-reopens-for-small-brands';
const freshEn = `/en/${fixtures.freshEn.section}/${fixtures.freshEn.slug}`;
const freshZh = `/zh/${fixtures.freshZh.section}/${fixtures.freshZh.slug}`;
const hostile = `/en/${fixtures.hostile.section}/${fixtures.hostile.slug}`;

async function page(path: string) {
  const response = await get(path);
  const html = await response.text();
  return { response, html, document: new JSDOM(html).window.document };
}

const meta = (document: Document, key: string) =>
  document.querySelector(`meta[name="${key}"], meta[property="${key}"]`)?.getAttribute('content') ?? null;

/** hreflang → href of a page's alternates. */
function hreflangs(document: Document): Record<string, string> {
  return Object.fromEntries(
    [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((link) => [
      link.getAttribute('hreflang')!,
      link.getAttribute('href')!,
    ]),
  );
}

type Node = Record<string, unknown>;

/** Every JSON-LD node of a page, graphs and arrays flattened. */
function jsonLd(document: Document): Node[] {
  return [...document.querySelectorAll('script[type="application/ld+json"]')].flatMap((script) => {
    const data = JSON.parse(script.textContent ?? 'null') as Node | Node[];
    const top = Array.isArray(data) ? data : [data];
    return top.flatMap((node) => (Array.isArray(node['@graph']) ? (node['@graph'] as Node[]) : [node]));
  });
}

const ofType = (nodes: Node[], type: string) => nodes.filter((node) => node['@type'] === type);

const pageTypes = [
  ['home', '/en'],
  ['home', '/zh'],
  ['channel', '/en/business'],
  ['channel', '/zh/business'],
  ['channel page 2', '/en/business?page=2'],
  ['article', article],
  ['article', freshZh],
  ['author', '/en/authors/li-wen'],
  ['author', '/zh/authors/li-wen'],
  ['about', '/zh/about'],
  ['privacy', '/en/privacy'],
] as const;

describe('head of every page type, in both languages', () => {
  it.each(pageTypes)('%s %s: title, description, canonical, OpenGraph, Twitter, robots, feeds', async (_kind, path) => {
    const { response, document } = await page(path);
    expect(response.status).toBe(200);
    const site = path.startsWith('/zh') ? 'iChongqing 重庆' : 'iChongqing';
    const title = document.title;
    expect(title === site || title.endsWith(` | ${site}`)).toBe(true);
    // Chinese is dense: a biography of 19 characters is a full sentence.
    expect(meta(document, 'description')?.length).toBeGreaterThan(10);
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${baseUrl()}${path}`);
    expect(meta(document, 'og:url')).toBe(`${baseUrl()}${path}`);
    expect(meta(document, 'og:title')).toBeTruthy();
    expect(meta(document, 'og:image')).toMatch(new RegExp(`^${baseUrl()}/`));
    expect(Number(meta(document, 'og:image:width'))).toBeGreaterThan(0);
    expect(meta(document, 'og:site_name')).toBe(site);
    expect(meta(document, 'twitter:card')).toBe('summary_large_image');
    expect(meta(document, 'robots')).toContain('max-image-preview:large');
    const feeds = [...document.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')];
    expect(feeds.length).toBeGreaterThan(0);
    for (const feed of feeds) expect(feed.getAttribute('href')).toMatch(new RegExp(`^${baseUrl()}/(en|zh)/`));
  });

  it('gives every page its own title', async () => {
    const titles = await Promise.all(pageTypes.map(async ([, path]) => (await page(path)).document.title));
    expect(new Set(titles).size).toBe(titles.length);
  });

  it('describes an article as an OpenGraph article with its times, section and picture size', async () => {
    const { document } = await page(article);
    expect(meta(document, 'og:type')).toBe('article');
    expect(meta(document, 'article:published_time')).toMatch(/^2026-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(meta(document, 'article:modified_time')).toMatch(/\+08:00$/);
    expect(meta(document, 'article:section')).toBe('Business');
    expect(meta(document, 'og:image')).toBe(`${baseUrl()}/images/demo/business-07-lead.jpg`);
    expect(meta(document, 'og:image:width')).toBe('1600');
    expect(meta(document, 'og:image:height')).toBe('900');
    // The summary is the description.
    expect(meta(document, 'description')).toBe(meta(document, 'og:description'));
    const feeds = [...document.querySelectorAll('link[type="application/rss+xml"]')].map((l) => l.getAttribute('href'));
    expect(feeds).toEqual([`${baseUrl()}/en/business/feed.xml`, `${baseUrl()}/en/feed.xml`]);
  });
});

describe('hreflang', () => {
  it('is reciprocal and absolute between an English article and its Chinese version', async () => {
    const english = hreflangs((await page(freshEn)).document);
    const chinese = hreflangs((await page(freshZh)).document);
    const expected = { en: `${baseUrl()}${freshEn}`, zh: `${baseUrl()}${freshZh}`, 'x-default': `${baseUrl()}${freshEn}` };
    expect(english).toEqual(expected);
    expect(chinese).toEqual(expected);
  });

  it('announces only itself on a single-language article', async () => {
    expect(hreflangs((await page(hostile)).document)).toEqual({ en: `${baseUrl()}${hostile}` });
  });

  it('lets the bare domain stand for the home page in any language', async () => {
    const links = hreflangs((await page('/zh')).document);
    expect({ ...links, 'x-default': new URL(links['x-default']!).href }).toEqual({
      en: `${baseUrl()}/en`,
      zh: `${baseUrl()}/zh`,
      'x-default': `${baseUrl()}/`,
    });
  });

  it('pairs a channel page only with the same page number that exists in the other language', async () => {
    const { document } = await page('/en/business?page=2');
    // Chinese channels hold five or six demo articles: one page.
    expect(hreflangs(document)).toEqual({ en: `${baseUrl()}/en/business?page=2` });
  });
});

describe('structured data (JSON-LD)', () => {
  it('describes an article as a NewsArticle with everything rich results need', async () => {
    const nodes = jsonLd((await page(article)).document);
    const [news] = ofType(nodes, 'NewsArticle');
    expect(news).toBeDefined();
    const n = news!;
    expect(n.headline).toBe('Old Textile Warehouse in Dadukou Reopens as Workshops for Small Brands');
    expect(String(n.description).length).toBeGreaterThan(50);
    expect(n.datePublished).toMatch(/^2026-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(n.dateModified).toMatch(/\+08:00$/);
    expect(n.inLanguage).toBe('en');
    expect(n.articleSection).toBe('Business');
    expect(n.isAccessibleForFree).toBe(true);
    expect(n.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': `${baseUrl()}${article}` });
    const images = n.image as { url: string; width: number; height: number }[];
    expect(images[0]).toMatchObject({ url: `${baseUrl()}/images/demo/business-07-lead.jpg`, width: 1600, height: 900 });
    for (const image of images) expect(image.width).toBeGreaterThanOrEqual(1200);
    const publisher = n.publisher as Node & { logo: { url: string } };
    expect(publisher['@type']).toBe('NewsMediaOrganization');
    expect(publisher.name).toBe('iChongqing');
    expect((await get(new URL(publisher.logo.url).pathname)).status).toBe(200);
    const authors = n.author as { '@type': string; name: string; url: string }[];
    expect(authors).toEqual([{ '@type': 'Person', name: 'Zhang Hao', url: `${baseUrl()}/en/authors/zhang-hao` }]);
    // The author's url is a real page that lists the article.
    const authorPage = await page(new URL(authors[0]!.url).pathname);
    expect(authorPage.response.status).toBe(200);
    expect(authorPage.document.querySelector(`main a[href="${article}"]`)).not.toBeNull();
  });

  it('gives articles and channel pages a BreadcrumbList', async () => {
    const crumbs = (path: string) => async () => {
      const [list] = ofType(jsonLd((await page(path)).document), 'BreadcrumbList');
      return (list!.itemListElement as { position: number; name: string; item: string }[]).map((c) => [c.position, c.name, c.item]);
    };
    expect(await crumbs(article)()).toEqual([
      [1, 'Home', `${baseUrl()}/en`],
      [2, 'Business', `${baseUrl()}/en/business`],
      [3, 'Old Textile Warehouse in Dadukou Reopens as Workshops for Small Brands', `${baseUrl()}${article}`],
    ]);
    expect(await crumbs('/zh/business')()).toEqual([
      [1, zh.Seo.breadcrumbHome, `${baseUrl()}/zh`],
      [2, '财经', `${baseUrl()}/zh/business`],
    ]);
  });

  it('describes the home page as a WebSite published by a NewsMediaOrganization', async () => {
    const nodes = jsonLd((await page('/zh')).document);
    const [website] = ofType(nodes, 'WebSite');
    const [organization] = ofType(nodes, 'NewsMediaOrganization');
    expect(website).toMatchObject({ name: 'iChongqing 重庆', url: `${baseUrl()}/zh`, inLanguage: 'zh-Hans' });
    expect(organization).toMatchObject({ name: 'iChongqing 重庆', url: `${baseUrl()}/zh` });
    expect((organization!.logo as { url: string }).url).toMatch(/^http/);
    expect((website!.publisher as { '@id': string })['@id']).toBe(organization!['@id']);
  });

  it('cannot be broken out of: text that closes scripts stays inside the JSON', async () => {
    const { html, document } = await page(hostile);
    expect(html).not.toContain('<script>alert(1)</script>');
    const [news] = ofType(jsonLd(document), 'NewsArticle');
    expect(news!.headline).toBe(fixtures.hostile.headline);
    expect(news!.description).toBe(fixtures.hostile.summary);
    // The page shows the same text as text.
    expect(document.querySelector('h1')?.textContent).toBe(fixtures.hostile.headline);
  });
});

describe('status codes', () => {
  it('answers a withdrawn article with 410 and a localized page that says so', async () => {
    const path = `/en/${fixtures.withdrawn.section}/${fixtures.withdrawn.slug}`;
    const { response, document } = await page(path);
    expect(response.status).toBe(410);
    expect(document.querySelector('h1')?.textContent).toBe(en.Withdrawn.title);
    expect(meta(document, 'robots')).toContain('noindex');
    const head = await get(path, { method: 'HEAD' });
    expect(head.status).toBe(410);
  });

  it.each([
    ['/en/nope', en.NotFound.title],
    ['/zh/nope', zh.NotFound.title],
    ['/en/news/no-such-article', en.NotFound.title],
    ['/zh/authors/nobody-at-all', zh.NotFound.title],
    ['/en/business?page=999', en.NotFound.title],
    [`/en/${fixtures.scheduled.section}/${fixtures.scheduled.slug}`, en.NotFound.title],
  ])('answers %s with a server-rendered 404 page', async (path, heading) => {
    const { response, document } = await page(path);
    expect(response.status).toBe(404);
    expect(document.querySelector('h1')?.textContent).toBe(heading);
    expect(document.title).toContain(heading);
    expect(meta(document, 'robots')).toContain('noindex');
  });

  it('redirects an old slug to the article it leads to now (308)', async () => {
    const response = await get(`/en/${fixtures.renamed.section}/${fixtures.renamed.oldSlug}`);
    expect(response.status).toBe(308);
    expect(new URL(response.headers.get('location')!, baseUrl()).pathname).toBe(
      `/en/${fixtures.renamed.section}/${fixtures.renamed.slug}`,
    );
  });

  it('has one form for trailing slashes', async () => {
    const response = await get(`${article}/`);
    expect(response.status).toBe(308);
    expect(new URL(response.headers.get('location')!, baseUrl()).pathname).toBe(article);
  });

  it.each([['/en'], ['/zh/business'], [article], ['/en/authors/li-wen'], ['/en/nope']])(
    'answers HEAD %s like GET, without a body',
    async (path) => {
      const [getResponse, headResponse] = await Promise.all([get(path), get(path, { method: 'HEAD' })]);
      expect(headResponse.status).toBe(getResponse.status);
      expect(headResponse.headers.get('content-type')).toBe(getResponse.headers.get('content-type'));
      expect(headResponse.headers.get('cache-control')).toBe(getResponse.headers.get('cache-control'));
      expect(await headResponse.text()).toBe('');
    },
  );
});

describe('markup', () => {
  it.each(pageTypes)('%s %s: landmarks and exactly one h1', async (_kind, path) => {
    const { document } = await page(path);
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    for (const landmark of ['header', 'nav', 'main', 'footer']) expect(document.querySelector(landmark)).not.toBeNull();
  });

  it('marks up an article as article, with time datetime and figure/figcaption', async () => {
    const { document } = await page(article);
    const body = document.querySelector('main article')!;
    expect(body.querySelector('h1')).not.toBeNull();
    expect(body.querySelector('time[datetime]')?.getAttribute('datetime')).toMatch(/^2026-/);
    expect(body.querySelector('figure > img')).not.toBeNull();
    expect(body.querySelector('figure > figcaption')?.textContent).toContain('(Photo / ');
  });

  it('lists an author’s articles on their page, linked from the byline', async () => {
    const { document } = await page(freshEn);
    const byline = document.querySelector('main article header a[rel="author"]');
    expect(byline?.textContent).toBe('Li Wen');
    const author = await page(byline!.getAttribute('href')!);
    expect(author.document.querySelector('h1')?.textContent).toBe('Li Wen');
    expect(author.document.querySelector(`main a[href="${freshEn}"]`)).not.toBeNull();
    // Only published articles: the withdrawn and the scheduled fixtures by the same author are absent.
    expect(author.html).not.toContain(fixtures.withdrawn.slug);
    expect(author.html).not.toContain(fixtures.scheduled.slug);
  });
});
