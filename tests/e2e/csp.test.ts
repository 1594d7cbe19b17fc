import crypto from 'node:crypto';
import { JSDOM } from 'jsdom';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { baseUrl, get } from './server';

/*
 * The Content-Security-Policy (issue 7): on every response; on pages, scripts only from the
 * site and the page's own inline scripts by hash (no 'unsafe-inline', no 'unsafe-eval'); and
 * in Chromium the site works under it without a single violation, while a script injected
 * into the page is refused.
 */

jest.setTimeout(60_000);

const article = '/en/business/old-warehouse-reopens-for-small-brands';
const pages = [
  ['home', '/en'],
  ['home, Chinese', '/zh'],
  ['channel', '/en/business'],
  ['channel page 2', '/en/news?page=2'],
  ['article', article],
  ['contact (rendered per request)', '/zh/contact'],
  ['404', '/en/no-such-page'],
  ['410', '/en/news/e2e-withdrawn-bridge-closure'],
  ['cookie settings', '/en/cookies'],
] as const;

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

/** The hashes a browser needs: every inline script it would run, hashed here independently. */
function expectedHashes(html: string): string[] {
  const { document } = new JSDOM(html).window;
  return [...document.querySelectorAll('script:not([src])')]
    .filter((script) => ['', 'text/javascript', 'module'].includes((script.getAttribute('type') ?? '').toLowerCase()))
    .map((script) => `'sha256-${crypto.createHash('sha256').update(script.textContent ?? '').digest('base64')}'`);
}

describe.each(pages)('%s (%s)', (_kind, path) => {
  it('allows exactly its own inline scripts, by hash, and nothing unsafe', async () => {
    const response = await get(path);
    const html = await response.text();
    const policy = directives(response.headers.get('content-security-policy') ?? '');
    const scripts = policy.get('script-src') ?? [];
    expect(scripts).toContain("'self'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts).not.toContain("'unsafe-inline'");
    const expected = expectedHashes(html);
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(scripts.filter((source) => source.startsWith("'sha256-")))).toEqual(new Set(expected));
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
  });
});

it.each([
  ['JSON', '/api/channels/news/articles?locale=en&page=1'],
  ['a feed', '/en/feed.xml'],
  ['the sitemap', '/sitemap.xml'],
  ['a static file', '/brand/logo-512.png'],
  ['the health check', '/api/health'],
])('%s gets a policy that lets nothing run or frame it', async (_kind, path) => {
  const policy = directives((await get(path)).headers.get('content-security-policy') ?? '');
  expect(policy.get('default-src')).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
});

it('asks browsers to upgrade insecure requests only over https', async () => {
  expect((await get('/en')).headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
  const https = await get('/en', { headers: { 'X-Forwarded-Proto': 'https' } });
  expect(https.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
});

it('compresses pages after hashing them: the gzip body is the same document', async () => {
  const plain = await get('/en/business', { headers: { 'Accept-Encoding': 'identity' } });
  const gzip = await get('/en/business', { headers: { 'Accept-Encoding': 'gzip' } });
  expect(gzip.headers.get('content-encoding')).toBe('gzip');
  expect(plain.headers.get('content-encoding')).toBeNull();
  // fetch decodes gzip itself: the same bytes and the same policy either way.
  expect(await gzip.text()).toBe(await plain.text());
  expect(gzip.headers.get('content-security-policy')).toBe(plain.headers.get('content-security-policy'));
});

describe('in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
    const page = await context.newPage();
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation: (text: string) => void }).reportViolation(
          `${event.violatedDirective} ${event.blockedURI} ${event.sample}`,
        );
      });
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    return { page, violations };
  }

  it('runs the site without a single violation: banner, load more, client navigation, contact form', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${baseUrl()}/en/news`);
    const before = await page.locator('main article').count();
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByRole('status').filter({ hasText: /more article/ }).waitFor();
    expect(await page.locator('main article').count()).toBeGreaterThan(before);
    await page.getByRole('button', { name: 'Reject all' }).click();
    await page.getByRole('status').filter({ hasText: /rejected optional cookies/ }).first().waitFor();
    await page.getByRole('navigation', { name: 'Channels' }).getByRole('link', { name: 'Business' }).click();
    await page.waitForURL(/\/en\/business$/);
    await page.locator('main ul li article h2 a').first().click();
    await page.waitForURL(/\/en\/business\/[a-z0-9-]+$/);
    await page.goto(`${baseUrl()}/en/contact`);
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByRole('alert').first().waitFor();
    expect(violations).toEqual([]);
  });

  it('refuses a script injected into a page', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${baseUrl()}${article}`);
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    expect(violations.some((text) => text.startsWith('script-src'))).toBe(true);
  });
});
