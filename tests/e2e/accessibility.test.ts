import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { baseUrl } from './server';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const AXE = path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js');

interface AxeViolation {
  id: string;
  impact: string;
  nodes: { target: string[] }[];
}

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
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> } }).axe;
        const result = await axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        });
        return result.violations;
      });
      const summary = (violations as AxeViolation[]).map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
      expect({ url, violations: summary }).toEqual({ url, violations: [] });
      await context.close();
    },
  );
});
