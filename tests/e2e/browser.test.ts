import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { baseUrl } from './server';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function newPage(options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1366, height: 900 },
    locale: 'en-US',
  });
  return context.newPage();
}

it('takes a reader from home to a channel, an article, its Chinese version and the ICP link', async () => {
  const page = await newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${baseUrl()}/`);
  expect(new URL(page.url()).pathname).toBe('/en');

  await page.getByRole('navigation', { name: 'Channels' }).getByRole('link', { name: 'Business' }).click();
  await page.waitForURL(/\/en\/business$/);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Business');

  // The first article of the channel that has a Chinese version (the first five do).
  const firstArticle = page.locator('main ul li article h2 a').first();
  const headline = (await firstArticle.textContent())!;
  await firstArticle.click();
  await page.waitForURL(/\/en\/business\/[a-z0-9-]+$/);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(headline);
  await expect(page.locator('article header time').first().getAttribute('datetime')).resolves.toMatch(/^2026-/);

  // Walk the channel until an article with a translation is found.
  const switchLink = page.getByRole('link', { name: 'Read in English' }).or(page.getByRole('link', { name: '阅读中文版' }));
  if ((await switchLink.count()) === 0) {
    await page.goto(`${baseUrl()}/en/business`);
    const links = await page.locator('main ul li article h2 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of links) {
      await page.goto(href);
      if ((await page.getByRole('link', { name: '阅读中文版' }).count()) > 0) break;
    }
  }
  await page.getByRole('link', { name: '阅读中文版' }).click();
  await page.waitForURL(/\/zh\/business\/[a-z0-9-]+$/);
  expect(await page.locator('html').getAttribute('lang')).toBe('zh-Hans');
  // Back to English from the Chinese article: its language switch reads "Read in English".
  expect(await page.getByRole('link', { name: 'Read in English' }).getAttribute('href')).toMatch(/^\/en\/business\//);

  const icp = page.getByRole('contentinfo').getByRole('link', { name: /渝ICP备20009753号/ });
  expect(await icp.getAttribute('href')).toBe('https://beian.miit.gov.cn/');
  expect(await icp.getAttribute('target')).toBe('_blank');
  expect(await icp.getAttribute('rel')).toContain('noopener');
  expect(errors).toEqual([]);
  await page.context().close();
});

it('sends the language switch of a single-language article to the same channel in the other language', async () => {
  const page = await newPage();
  await page.goto(`${baseUrl()}/zh/news`);
  // Chinese-only demo articles have pinyin slugs; find one whose switch goes to a channel.
  const links = await page.locator('main ul li article h2 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  let found = false;
  for (const href of links) {
    await page.goto(href);
    const target = await page.getByRole('link', { name: 'This channel in English' }).count();
    if (target > 0) {
      expect(await page.getByRole('link', { name: 'This channel in English' }).getAttribute('href')).toBe('/en/news');
      found = true;
      break;
    }
  }
  expect(found).toBe(true);
  await page.context().close();
});

it('shows the content without JavaScript, and the channel navigation works', async () => {
  const page = await newPage({ javaScriptEnabled: false, width: 390 });
  await page.goto(`${baseUrl()}/zh`);
  await page.getByRole('navigation', { name: '频道' }).getByRole('link', { name: '文化' }).click();
  await page.waitForURL(/\/zh\/culture$/);
  const link = page.locator('main ul li article h2 a').first();
  await link.click();
  await page.waitForURL(/\/zh\/culture\/[a-z0-9-]+$/);
  expect(await page.locator('article .article-body p').count()).toBeGreaterThan(3);
  expect(await page.locator('article figure figcaption').count()).toBeGreaterThan(0);
  // Without JavaScript there is no load-more button, only page links.
  await page.goto(`${baseUrl()}/en/news`);
  expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next page' }).click();
  await page.waitForURL(/\/en\/news\?page=2$/);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('News: page 2');
  await page.context().close();
});

it('loads more articles from the server-rendered first page without fetching it again', async () => {
  const page = await newPage();
  const apiCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/channels/')) apiCalls.push(request.url());
  });
  await page.goto(`${baseUrl()}/en/news`);
  const button = page.getByRole('button', { name: 'Load more' });
  await button.waitFor();
  expect(apiCalls).toEqual([]);
  const before = await page.locator('main article').count();
  await button.click();
  await page.getByRole('status').filter({ hasText: /more article/ }).waitFor();
  expect(await page.locator('main article').count()).toBeGreaterThan(before);
  expect(apiCalls).toHaveLength(1);
  expect(apiCalls[0]).toContain('page=2');
  // The last page is loaded: the button gives way to the end-of-channel note.
  await page.getByText('You have reached the end of this channel.').waitFor();
  await page.context().close();
});

it('says when loading more fails, keeps what was shown and loads on "Try again"', async () => {
  const page = await newPage();
  let failures = 2; // TanStack Query tries twice before it reports a failure
  await page.route('**/api/channels/**', (route) => (failures-- > 0 ? route.fulfill({ status: 503, body: '' }) : route.continue()));
  await page.goto(`${baseUrl()}/en/news`);
  const before = await page.locator('main article').count();
  const button = page.getByRole('button', { name: 'Load more' });
  await button.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'Could not load more articles' }).waitFor();
  expect(await page.locator('main article').count()).toBe(before);
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('status').filter({ hasText: /more article/ }).waitFor();
  expect(await page.locator('main article').count()).toBeGreaterThan(before);
  expect(await page.getByRole('alert').filter({ hasText: 'Could not load more articles' }).count()).toBe(0);
  await page.context().close();
});

it('keeps keyboard focus in the list while loading, and on the end note when the channel ends', async () => {
  const page = await newPage();
  await page.goto(`${baseUrl()}/zh/news`);
  await page.getByRole('button', { name: '加载更多' }).focus();
  await page.keyboard.press('Enter');
  // Focus stays on the same button while the fetching code and the next page load.
  expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/加载/);
  await page.getByRole('status').filter({ hasText: /篇/ }).waitFor();
  await page.getByText('已显示本频道全部文章。').waitFor();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('已显示本频道全部文章。');
  await page.context().close();
});

describe.each([320, 390])('at %i px wide', (width) => {
  it.each(['/en', '/zh', '/en/news', '/zh/travel', '/en/business/old-warehouse-reopens-for-small-brands', '/zh/privacy', '/en/nowhere'])(
    '%s has no horizontal scroll',
    async (path) => {
      const page = await newPage({ width });
      await page.goto(`${baseUrl()}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
      await page.context().close();
    },
  );
});

it('puts the skip link first, shows it on focus, and moves focus to the main content', async () => {
  const page = await newPage();
  await page.goto(`${baseUrl()}/zh/news`);
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  expect(await focused.textContent()).toBe('跳到主要内容');
  const box = await focused.boundingBox();
  expect(box && box.width > 1 && box.height > 1).toBe(true);
  await page.keyboard.press('Enter');
  // The fragment navigation reaches the test driver as an event: wait for it rather than race it.
  await page.waitForURL(/#main$/);
  await page.keyboard.press('Tab');
  // The next stop is inside the main content, not back in the header.
  expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  await page.context().close();
});
