import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { IMAGE_DEVICE_SIZES, IMAGE_SIZES } from '@/lib/images';
import type { Locale } from '@/lib/i18n/locales';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { launchChromium } from './browser';
import { baseUrl } from './server';

/*
 * Browser budgets (issue #8), checked on every run with counts and sizes, never timings: on
 * home, a channel page and an article page, in both languages, on a 390 × 844 phone screen at
 * device pixel ratio 1:
 * - first-load JavaScript at most 140 KiB gzip (docs/decisions/0009-javascript-budget.md);
 * - no picture wider than the page can use;
 * - no layout shift;
 * - no console errors, with the cookie banner open and after accepting.
 * Each route's figures are printed and written to $BUDGETS_REPORT (default: the temp dir).
 */

const JS_BUDGET_BYTES = 140 * 1024;
const VIEWPORT = { width: 390, height: 844 };
const catalogues = { en, zh } as const;
const locales: Locale[] = ['en', 'zh'];

/*
 * A picture may be at most one rung of the srcset ladder wider than it is shown: at DPR 1 the
 * browser takes the smallest candidate at least as wide as `sizes` says, so a correct
 * srcset + sizes can overshoot by up to the widest gap between neighbouring widths (96 → 160,
 * ×1.67). Anything more means a wrong `sizes` or a picture without srcset.
 */
const LADDER = [...IMAGE_SIZES, ...IMAGE_DEVICE_SIZES].sort((a, b) => a - b);
const IMAGE_TOLERANCE = Math.max(...LADDER.slice(1).map((width, i) => width / LADDER[i]!));

interface RouteFigures {
  route: string;
  scripts: number;
  jsGzipBytes: number;
  images: number;
  widestImageRatio: number;
  layoutShifts: number;
}

const report: RouteFigures[] = [];
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (report.length === 0) return;
  const file = process.env.BUDGETS_REPORT || path.join(os.tmpdir(), 'portal-budgets.json');
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  const rows = report.map(
    (r) =>
      `${r.route.padEnd(52)} ${(r.jsGzipBytes / 1024).toFixed(1).padStart(6)} KiB  ${String(r.scripts).padStart(2)} scripts  ` +
      `${String(r.images).padStart(2)} img (max ×${r.widestImageRatio.toFixed(2)})  ${r.layoutShifts} shifts`,
  );
  console.log(`Browser budgets (JS ≤ ${JS_BUDGET_BYTES / 1024} KiB gzip), written to ${file}\n${rows.join('\n')}`);
});

/** The first article linked from a channel page (the newest one). */
async function firstArticlePath(locale: Locale): Promise<string> {
  const html = await (await fetch(`${baseUrl()}/${locale}/news`)).text();
  const match = new RegExp(`<h2[^>]*><a href="(/${locale}/news/[a-z0-9-]+)"`).exec(html);
  if (!match) throw new Error(`no article on /${locale}/news`);
  return match[1]!;
}

interface Visit {
  page: Page;
  errors: string[];
  /** Scripts fetched before the load event: URL → gzip size of the body. */
  scripts: Map<string, number>;
}

/** Opens a route on a fresh phone-sized profile (no consent cookie: the banner shows). */
async function visit(pathname: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  // Layout shifts from the very start of the document, counted by the browser.
  await page.addInitScript(() => {
    const shifts: { value: number; sources: string[] }[] = [];
    (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node | null }[];
      })[]) {
        if (entry.hadRecentInput) continue; // a shift the reader caused (CLS leaves it out too)
        shifts.push({ value: entry.value, sources: (entry.sources ?? []).map((s) => s.node?.nodeName ?? '?') });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const scripts = new Map<string, number>();
  let loaded = false;
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    if (loaded || response.request().resourceType() !== 'script') return;
    pending.push(
      response.body().then((body) => {
        scripts.set(response.url(), zlib.gzipSync(body).length);
      }),
    );
  });
  page.on('load', () => {
    loaded = true;
  });
  const response = await page.goto(`${baseUrl()}${pathname}`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  await Promise.all(pending);
  return { page, errors, scripts };
}

/** Scrolls to the end (lazy pictures load) and waits until every picture has loaded. */
async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForFunction(() => Array.from(document.images).every((img) => img.complete));
}

describe.each(locales)('%s', (locale) => {
  const routes: [string, () => Promise<string>][] = [
    ['home', async () => `/${locale}`],
    ['channel', async () => `/${locale}/news`],
    ['article', () => firstArticlePath(locale)],
  ];

  it.each(routes)('%s page: within the JavaScript, picture, layout-shift and console budgets', async (_kind, route) => {
    const pathname = await route();
    const { page, errors, scripts } = await visit(pathname);

    // Every script the HTML asks for (modern browsers skip nomodule) was counted.
    const listed = await page.$$eval('script[src]:not([nomodule])', (tags) => tags.map((t) => (t as HTMLScriptElement).src));
    for (const src of listed) expect(scripts.has(src)).toBe(true);
    const jsGzipBytes = [...scripts.values()].reduce((sum, size) => sum + size, 0);

    await scrollThrough(page);
    // The real pixel width of the file each <img> shows (naturalWidth is scaled by srcset's density).
    const images = await page.$$eval('img', (imgs) =>
      Promise.all(
        (imgs as HTMLImageElement[]).map(async (img) => {
          const probe = new Image();
          probe.src = img.currentSrc;
          await probe.decode();
          return { src: img.currentSrc, fileWidth: probe.naturalWidth, shownWidth: img.getBoundingClientRect().width };
        }),
      ),
    );
    const oversized = images.filter((img) => img.fileWidth > img.shownWidth * IMAGE_TOLERANCE);
    const shifts = await page.evaluate(() => (window as unknown as { __shifts: { value: number; sources: string[] }[] }).__shifts);

    report.push({
      route: pathname,
      scripts: scripts.size,
      jsGzipBytes,
      images: images.length,
      widestImageRatio: Math.max(0, ...images.map((img) => img.fileWidth / img.shownWidth)),
      layoutShifts: shifts.length,
    });

    expect(jsGzipBytes).toBeLessThanOrEqual(JS_BUDGET_BYTES);
    expect(oversized).toEqual([]);
    expect(shifts).toEqual([]);
    expect(errors).toEqual([]);

    // Accepting in the banner: still no errors, and the next page (without the banner) neither.
    const consent = catalogues[locale].Consent;
    await page.getByRole('button', { name: consent.acceptAll }).click();
    await page.getByRole('status').filter({ hasText: consent.savedAccepted }).waitFor();
    await page.reload({ waitUntil: 'load' });
    expect(await page.getByRole('button', { name: consent.acceptAll }).count()).toBe(0);
    await scrollThrough(page);
    const shiftsAfter = await page.evaluate(() => (window as unknown as { __shifts: unknown[] }).__shifts);
    expect(shiftsAfter).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
