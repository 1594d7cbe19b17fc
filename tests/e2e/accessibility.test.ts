import type { Browser } from 'playwright-core';
import { axeViolations } from './axe';
import { launchChromium } from './browser';
import { baseUrl } from './server';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([
  ['en', 390],
  ['zh', 1366],
  ['en', 1366],
  ['zh', 390],
] as const)('axe (WCAG 2.2 AA) in %s at %i px', (locale, width) => {
  it.each(['', '/news', '/business/old-warehouse-reopens-for-small-brands', '/about', '/privacy', '/cookies', '/no-such-page'])(
    '/%s%s has no violations',
    async (suffix) => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const url = `${baseUrl()}/${locale}${suffix}`;
      await page.goto(url);
      const summary = await axeViolations(page);
      expect({ url, violations: summary }).toEqual({ url, violations: [] });
      await context.close();
    },
  );
});
