import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { axeViolations } from './axe';
import { launchChromium } from './browser';
import { fixtures } from './fixtures';
import { baseUrl, E2E_INGEST_TOKEN, get, readState } from './server';
import { staffScript } from './staff';

/**
 * Issue 17's articles list against the production server in Chromium: an editor filters by
 * keyboard and pages through every article (drafts and articles in review included); a reporter
 * sees their own draft but not another's; the list in Chinese for a Chinese-speaking account;
 * axe at 390 and 1366 px. The drafts come in through the ingest API, as a newsroom's own
 * system would send them; who made one and its submission are set in the database, as the
 * editor's slice will.
 */

const EDITOR = 'list-editor@newsroom.example';
const REPORTER = 'list-reporter@newsroom.example';
const ZH_EDITOR = 'list-zh@newsroom.example';
const PASSWORD = 'a long password for the list';
const t = en.Admin;
const tz = zh.Admin;
const auth = { Authorization: `Bearer ${E2E_INGEST_TOKEN}`, 'Content-Type': 'application/json' };
const OWN_DRAFT = { id: 'e2e-list-own-draft', headline: 'Newsroom list: the reporter’s own draft' };
const IN_REVIEW = { id: 'e2e-list-in-review', headline: 'Newsroom list: a piece in review' };

let db: Database.Database;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const sent: string[] = [];

function put(id: string, fields: Record<string, unknown>) {
  sent.push(id);
  return get(`/api/v1/articles/${id}`, {
    method: 'PUT',
    headers: auth,
    body: JSON.stringify({
      locale: 'en',
      section: 'news',
      slug: id,
      headline: id,
      summary: 'A summary long enough to describe the story.',
      bodyHtml: '<p>First paragraph.</p>',
      authors: [{ name: 'Li Wen' }],
      // Old, so that they never reach the newest-articles lists other suites read.
      publishedAt: '2001-01-01T09:00:00+08:00',
      tags: [],
      status: 'published',
      ...fields,
    }),
  });
}

function addAccount(email: string, role: string): number {
  const created = staffScript(['add', email, '--role', role], `${PASSWORD}\n`);
  expect(created.stderr).toBe('');
  return (db.prepare('SELECT id FROM staff WHERE email = ?').get(email) as { id: number }).id;
}

async function signInAs(email: string, on = page) {
  await on.context().clearCookies();
  await on.goto(`${baseUrl()}/admin/login`);
  await on.getByLabel(t.login.email).fill(email);
  await on.getByLabel(t.login.password).fill(PASSWORD);
  await on.getByRole('button', { name: t.login.submit }).click();
  await on.waitForURL(/\/admin\/messages$/);
}

async function expectAccessible(label: string) {
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    const violations = await axeViolations(page);
    expect({ label, width, violations }).toEqual({ label, width, violations: [] });
  }
}

/** The headlines in the table's rows, in order. */
async function headlines(): Promise<string[]> {
  const cells = page.locator('tbody th[scope="row"] > span:first-child');
  return cells.allTextContents();
}

beforeAll(async () => {
  db = new Database(readState().databasePath);
  db.pragma('busy_timeout = 5000');
  addAccount(EDITOR, 'editor');
  const reporterId = addAccount(REPORTER, 'reporter');
  addAccount(ZH_EDITOR, 'editor');
  db.prepare("UPDATE staff SET locale = 'zh' WHERE email = ?").run(ZH_EDITOR);

  expect((await put(OWN_DRAFT.id, { headline: OWN_DRAFT.headline, status: 'draft' })).status).toBeLessThan(300);
  expect((await put(IN_REVIEW.id, { headline: IN_REVIEW.headline, status: 'draft' })).status).toBeLessThan(300);
  db.prepare('UPDATE articles SET created_by_staff_id = ?, updated_by_staff_id = ? WHERE external_id = ?').run(reporterId, reporterId, OWN_DRAFT.id);
  db.prepare('UPDATE articles SET submitted_ms = ? WHERE external_id = ?').run(Date.now(), IN_REVIEW.id);
  // More than one page of articles, whatever the demo content holds.
  const count = (db.prepare('SELECT COUNT(*) AS n FROM articles').get() as { n: number }).n;
  for (let i = count; i < 30; i += 1) expect((await put(`e2e-list-filler-${i}`, {})).status).toBeLessThan(300);

  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  page = await context.newPage();
}, 60_000);

afterAll(async () => {
  for (const id of sent) await get(`/api/v1/articles/${id}`, { method: 'DELETE', headers: auth });
  db?.close();
  await browser?.close();
}, 30_000);

describe('the newsroom articles list', () => {
  it('sends a signed-out visitor to the login page', async () => {
    const response = await get('/admin/articles', { redirect: 'manual' });
    expect(response.status).toBeGreaterThanOrEqual(300);
    expect(response.status).toBeLessThan(400);
    expect(new URL(response.headers.get('location')!, baseUrl()).pathname).toBe('/admin/login');
  });

  it('filters and pages without JavaScript', async () => {
    const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1366, height: 900 } });
    const noScript = await plain.newPage();
    await signInAs(EDITOR, noScript);
    await noScript.goto(`${baseUrl()}/admin/articles`);
    await noScript.getByLabel(t.articles.status).selectOption('review');
    await noScript.getByRole('button', { name: t.articles.apply }).click();
    await noScript.waitForURL(/status=review/);
    expect(await noScript.locator('tbody th[scope="row"] > span:first-child').allTextContents()).toEqual([IN_REVIEW.headline]);
    await noScript.goto(`${baseUrl()}/admin/articles`);
    await noScript.getByRole('link', { name: t.articles.older }).click();
    await noScript.waitForURL(/before=\d+-\d+$/);
    expect(await noScript.locator('tbody tr').count()).toBeGreaterThan(0);
    await plain.close();
  });

  it('an editor finds it in the header and sees every article, drafts and articles in review too', async () => {
    await signInAs(EDITOR);
    await page.getByRole('navigation', { name: t.nav.label }).getByRole('link', { name: t.nav.articles }).click();
    await page.waitForURL(/\/admin\/articles$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t.articles.title);
    expect(await page.getByRole('table', { name: t.articles.caption }).count()).toBe(1);
    expect(await page.getByText(t.articles.ownDraftsOnly).count()).toBe(0);
    // Newest change first: the two drafts were written last but for the fillers.
    const rows = await headlines();
    expect(rows).toEqual(expect.arrayContaining([OWN_DRAFT.headline, IN_REVIEW.headline]));
    const review = page.getByRole('row', { name: new RegExp(IN_REVIEW.headline) });
    expect(await review.getByRole('cell').nth(0).textContent()).toBe(t.articles.states.review);
    const own = page.getByRole('row', { name: new RegExp(OWN_DRAFT.headline) });
    expect(await own.getByRole('cell').nth(0).textContent()).toBe(t.articles.states.draft);
    expect(await own.getByRole('cell').nth(4).textContent()).toContain(REPORTER);
    await expectAccessible('/admin/articles');
  });

  it('filters with the keyboard alone, through a GET form', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${baseUrl()}/admin/articles`);
    await page.getByLabel(t.articles.search).focus();
    await page.keyboard.type('ferry-timetable');
    await page.keyboard.press('Tab'); // status
    await page.keyboard.press('Tab'); // channel
    await page.keyboard.press('Tab'); // language
    await page.keyboard.type('Chinese'); // a closed select takes what is typed
    await page.keyboard.press('Tab'); // author
    await page.keyboard.press('Tab'); // the button
    await page.keyboard.press('Enter');
    // A GET form sends its empty fields too.
    await page.waitForURL(/\/admin\/articles\?q=ferry-timetable&status=&channel=&lang=zh&author=$/);
    // Other suites share this server and may add articles: every row listed is a Chinese one
    // whose address has the words, and the fixture's is among them.
    const rows = page.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const language of await rows.locator('td:nth-of-type(2)').allTextContents()) expect(language).toBe(t.articles.languages.zh);
    for (const text of await rows.allTextContents()) expect(text).toContain('ferry-timetable');
    const row = page.getByRole('row', { name: /e2e-fresh-river-ferry-timetable-zh/ });
    expect(await row.count()).toBe(1);
    expect(await row.getByRole('cell').nth(1).textContent()).toBe(t.articles.languages.zh);
    expect(await row.getByRole('cell').nth(3).textContent()).toBe(t.articles.hasTranslation);
    expect(await row.getByRole('cell').nth(4).textContent()).toContain(t.articles.outsideNewsroom);
    expect(await page.getByLabel(t.articles.search).inputValue()).toBe('ferry-timetable');

    await page.goto(`${baseUrl()}/admin/articles?status=review`);
    expect(await headlines()).toEqual([IN_REVIEW.headline]);
    await page.goto(`${baseUrl()}/admin/articles?status=scheduled`);
    expect(await page.getByRole('row', { name: new RegExp(fixtures.scheduled.slug) }).count()).toBe(1);
    // Back to everything, with the keyboard.
    await page.getByRole('link', { name: t.articles.clear }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/articles$/);
  });

  it('pages on to older articles and back, with links', async () => {
    await page.goto(`${baseUrl()}/admin/articles`);
    const first = await headlines();
    expect(first).toHaveLength(25);
    await page.getByRole('navigation', { name: t.articles.pagination }).getByRole('link', { name: t.articles.older }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/articles\?before=\d+-\d+$/);
    const second = await headlines();
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((headline) => first.includes(headline))).toEqual([]);
    await page.getByRole('link', { name: t.articles.newest }).click();
    await page.waitForURL(/\/admin\/articles$/);
    expect(await headlines()).toEqual(first);
  });

  it("a reporter sees their own draft and what left the desk, not another's draft", async () => {
    await signInAs(REPORTER);
    await page.goto(`${baseUrl()}/admin/articles?q=Newsroom+list`);
    expect(await page.getByText(t.articles.ownDraftsOnly).count()).toBe(1);
    expect(await headlines()).toEqual([OWN_DRAFT.headline]);
    await page.goto(`${baseUrl()}/admin/articles?status=review`);
    expect(await page.getByText(t.articles.empty).count()).toBe(1);
    await expectAccessible('/admin/articles as a reporter');
  });

  it('speaks Chinese to a Chinese-speaking account, with no English left', async () => {
    await signInAs(ZH_EDITOR);
    await page.goto(`${baseUrl()}/admin/articles?status=review`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(tz.articles.title);
    expect(await page.getByRole('table', { name: tz.articles.caption }).count()).toBe(1);
    expect(await page.getByRole('columnheader').allTextContents()).toEqual([
      tz.articles.headline, tz.articles.status, tz.articles.language, tz.articles.channel, tz.articles.translation, tz.articles.lastChanged,
    ]);
    const row = page.getByRole('row', { name: new RegExp(IN_REVIEW.headline) });
    expect(await row.getByRole('cell').nth(0).textContent()).toBe(tz.articles.states.review);
    expect(await page.getByLabel(tz.articles.status).inputValue()).toBe('review');
    // In the table, only the article's own headline and address are English.
    const text = (await page.getByRole('table').innerText()).replace(IN_REVIEW.headline, '').replace(/e2e-list-in-review/g, '');
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
    await expectAccessible('/admin/articles in Chinese');
  });
});
