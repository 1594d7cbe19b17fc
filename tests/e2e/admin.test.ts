import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { sqliteDatabase } from '@/lib/db/database';
import en from '@/messages/en.json';
import { insertTestMessage } from '../helpers/contact-messages';
import { axeViolations } from './axe';
import { launchChromium } from './browser';
import { baseUrl, get, readState } from './server';
import { postForm, staffScript } from './staff';

/**
 * The staff area against the production server: an account made with the staff script, the
 * login with throttling, the inbox (escaping, search, status, CSV) and signing out.
 */

const EMAIL = 'desk@example.com';
const PASSWORD = 'correct horse battery staple';
const XSS = '<script>alert(1)</script><b>x</b>';
const t = en.Admin;

let db: Database.Database;
let xss: { id: number; reference: string };
let browser: Browser | undefined;

/** Where a redirect points, as path and query (Next.js may repeat the Location header on first render). */
function target(response: Response): string {
  const location = (response.headers.get('location') ?? '').split(', ')[0]!;
  const url = new URL(location, baseUrl());
  return url.pathname + url.search;
}

async function signIn(headers: Record<string, string> = {}): Promise<{ cookie: string; setCookie: string }> {
  const response = await postForm('/admin/sign-in', { email: EMAIL, password: PASSWORD }, headers);
  expect(response.status).toBe(303);
  expect(target(response)).toBe('/admin/messages');
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0]!, setCookie };
}

beforeAll(async () => {
  const created = staffScript(['add', EMAIL], `${PASSWORD}\n`);
  expect(created.stderr).toBe('');
  expect(created.status).toBe(0);
  db = new Database(readState().databasePath);
  db.pragma('busy_timeout = 5000');
  const messages = sqliteDatabase(db);
  xss = await insertTestMessage(messages, { message: `${XSS}\nsecond line`, name: 'Zhang Min', topic: 'tip' });
  await insertTestMessage(messages, { name: '=HYPERLINK("http://evil.example")', email: 'formula@example.com', message: '轻轨 2 号线' });
});

afterAll(async () => {
  db?.close();
  await browser?.close();
});

describe('the staff script', () => {
  it('refuses short passwords and existing accounts with a clear message and a failing exit code', () => {
    const short = staffScript(['add', 'short@example.com'], 'too short\n');
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/at least 12 characters/);
    const again = staffScript(['add', EMAIL], `${PASSWORD}\n`);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already has an account/);
  });
});

describe('signed out', () => {
  it.each(['/admin', '/admin/messages', `/admin/messages/${'MSG-X'}`])('%s redirects to the login page', async (pathname) => {
    const response = await get(pathname);
    expect([303, 307]).toContain(response.status);
    expect(target(response)).toBe('/admin/login');
  });

  it('does not export or change anything', async () => {
    const csv = await get('/admin/messages.csv');
    expect(csv.status).toBe(303);
    expect(target(csv)).toBe('/admin/login');
    const change = await postForm(`/admin/messages/${xss.reference}/status`, { status: 'spam' });
    expect(target(change)).toBe('/admin/login');
    expect((db.prepare('SELECT status FROM contact_messages WHERE id = ?').get(xss.id) as { status: string }).status).toBe('new');
  });

  it('serves a login page that is English, not indexed and not stored', async () => {
    const response = await get('/admin/login');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(response.headers.get('cache-control')).toMatch(/private/);
    expect(response.headers.get('cache-control')).toMatch(/no-store/);
    const html = await response.text();
    expect(html).toMatch(/<html lang="en"/);
    expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"/);
    expect(html).toContain(`<label for="email" class="font-semibold">${t.login.email}</label>`);
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
  });
});

describe('signing in', () => {
  it('says the same for a wrong password and an unknown account', async () => {
    for (const email of [EMAIL, 'nobody@example.com']) {
      const response = await postForm('/admin/sign-in', { email, password: 'wrong password 1' });
      expect(response.status).toBe(303);
      expect(target(response)).toBe('/admin/login?notice=invalid');
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    expect(await (await get('/admin/login?notice=invalid')).text()).toContain(t.login.invalid);
  });

  it('throttles the sixth attempt within 15 minutes', async () => {
    const email = 'guess@example.com';
    for (let i = 1; i <= 5; i++) {
      expect(target(await postForm('/admin/sign-in', { email, password: `wrong password ${i}` }))).toBe('/admin/login?notice=invalid');
    }
    expect(target(await postForm('/admin/sign-in', { email, password: 'wrong password 6' }))).toBe('/admin/login?notice=throttled');
    expect(await (await get('/admin/login?notice=throttled')).text()).toContain(t.login.throttled);
  });

  it('refuses a sign-in posted from another site', async () => {
    const response = await postForm('/admin/sign-in', { email: EMAIL, password: PASSWORD }, { origin: 'https://evil.example' });
    expect(target(response)).toBe('/admin/login?notice=forbidden');
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('sets an HttpOnly, SameSite=Lax session cookie for /admin only, Secure over https', async () => {
    const { setCookie } = await signIn();
    expect(setCookie).toMatch(/^staff_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('Path=/admin');
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Max-Age=28800');
    expect(setCookie).not.toContain('Secure');
    const https = await signIn({ 'x-forwarded-proto': 'https' });
    expect(https.setCookie).toContain('Secure');
  });
});

describe('the inbox', () => {
  let cookie: string;
  beforeAll(async () => {
    ({ cookie } = await signIn());
  });
  const page = (pathname: string) => get(pathname, { headers: { cookie } });

  it('lists messages as text, never as HTML', async () => {
    const response = await page('/admin/messages');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toMatch(/no-store/);
    const html = await response.text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;');
    expect(html).not.toContain('<b>x</b>');
    expect(html).toMatch(/<meta name="robots" content="noindex, nofollow"/);
    expect(html).toContain('<caption');
    expect(html).toContain(xss.reference);
  });

  it('searches and filters by status', async () => {
    expect(await (await page('/admin/messages?q=Zhang+Min')).text()).toContain(xss.reference);
    const none = await (await page('/admin/messages?q=%25%25nothing%25')).text();
    expect(none).toContain(t.list.empty);
    expect(await (await page('/admin/messages?status=spam')).text()).not.toContain(xss.reference);
  });

  it('exports CSV with a BOM, quoting and formulas neutralized', async () => {
    const response = await page('/admin/messages.csv?q=example');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="messages-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('"reference","received","status","locale","topic","name","email","message"');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(text).toContain('"轻轨 2 号线"');
    expect(text).toContain(`"${XSS}\nsecond line"`);
  });

  it('answers 404 for an unknown reference', async () => {
    const response = await page('/admin/messages/MSG-NOSUCH');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain(t.notFound.title);
    const change = await postForm('/admin/messages/MSG-NOSUCH/status', { status: 'read' }, { cookie });
    expect(change.status).toBe(404);
  });

  it('refuses a status change posted from another site', async () => {
    const response = await postForm(`/admin/messages/${xss.reference}/status`, { status: 'spam' }, { cookie, origin: 'https://evil.example' });
    expect(response.status).toBe(403);
  });

  // Judged against SITE_URL, never against the Host or X-Forwarded-Host a client sends.
  it.each<[string, Record<string, string>]>([
    ['another origin claiming our host in X-Forwarded-Host', { origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' }],
    ['a cross-site fetch (Sec-Fetch-Site, no Origin)', { origin: '', 'sec-fetch-site': 'cross-site' }],
    ['a Referer from another site (no Origin)', { origin: '', referer: 'http://evil.example/page' }],
    ['nothing that says where it comes from, with the session cookie', { origin: '' }],
  ])('refuses a status change from %s, and leaves the status as it was', async (_label, headers) => {
    const sent = Object.fromEntries(Object.entries({ cookie, ...headers }).filter(([, value]) => value !== ''));
    const response = await get(`/admin/messages/${xss.reference}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...sent },
      body: new URLSearchParams({ status: 'spam' }).toString(),
    });
    expect(response.status).toBe(403);
    expect(await (await page('/admin/messages?status=spam')).text()).not.toContain(xss.reference);
  });

  it('accepts a status change that only Sec-Fetch-Site or the Referer says is from the site', async () => {
    for (const headers of [{ 'sec-fetch-site': 'same-origin' }, { referer: `${baseUrl()}/admin/messages` }] as Record<string, string>[]) {
      const response = await get(`/admin/messages/${xss.reference}/status`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...headers },
        body: new URLSearchParams({ status: 'read' }).toString(),
      });
      expect(response.status).toBe(303);
    }
  });
});

describe('in a browser without JavaScript', () => {
  it('signs in, reads a message as text, marks it replied and signs out', async () => {
    browser = await launchChromium();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    const dialogs: string[] = [];
    tab.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await tab.goto(`${baseUrl()}/admin/messages`);
    expect(new URL(tab.url()).pathname).toBe('/admin/login');
    await tab.getByLabel(t.login.email).fill(EMAIL);
    await tab.getByLabel(t.login.password).fill(PASSWORD);
    await tab.getByRole('button', { name: t.login.submit }).click();
    await tab.waitForURL(/\/admin\/messages$/);
    expect(await tab.getByRole('heading', { level: 1 }).textContent()).toBe(t.list.title);

    await tab.getByRole('link', { name: xss.reference }).click();
    await tab.waitForURL(new RegExp(`/admin/messages/${xss.reference}$`));
    const text = tab.getByTestId('message-text');
    expect(await text.textContent()).toBe(`${XSS}\nsecond line`);
    expect(await text.locator('b, script').count()).toBe(0);
    expect(await text.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-wrap');
    // Opening a new message marked it read.
    expect((db.prepare('SELECT status FROM contact_messages WHERE id = ?').get(xss.id) as { status: string }).status).toBe('read');

    await tab.getByRole('button', { name: t.detail.markReplied }).click();
    await tab.waitForURL(new RegExp(`/admin/messages/${xss.reference}$`));
    expect((db.prepare('SELECT status FROM contact_messages WHERE id = ?').get(xss.id) as { status: string }).status).toBe('replied');
    await tab.goto(`${baseUrl()}/admin/messages?status=replied`);
    expect(await tab.getByRole('link', { name: xss.reference }).count()).toBe(1);

    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'staff_session', path: '/admin', httpOnly: true, sameSite: 'Lax' });
    await tab.getByRole('button', { name: t.header.signOut }).click();
    await tab.waitForURL(/\/admin\/login\?notice=signedOut$/);
    expect(await tab.getByText(t.login.signedOut).count()).toBe(1);
    // The old token no longer opens the inbox.
    const replay = await get('/admin/messages', { headers: { cookie: `${cookie!.name}=${cookie!.value}` } });
    expect(target(replay)).toBe('/admin/login');
    expect(dialogs).toEqual([]);
    await context.close();
  });
});

describe('accessibility', () => {
  it('the login page, the inbox and a message have no axe (WCAG 2.2 AA) violations', async () => {
    browser ??= await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const tab = await context.newPage();
    const check = async (pathname: string) => {
      await tab.goto(`${baseUrl()}${pathname}`);
      const summary = await axeViolations(tab);
      expect({ pathname, violations: summary }).toEqual({ pathname, violations: [] });
    };
    await check('/admin/login?notice=invalid');
    await tab.getByLabel(t.login.email).fill(EMAIL);
    await tab.getByLabel(t.login.password).fill(PASSWORD);
    await tab.getByRole('button', { name: t.login.submit }).click();
    await tab.waitForURL(/\/admin\/messages$/);
    await check('/admin/messages');
    await check(`/admin/messages/${xss.reference}`);
    await context.close();
  });
});
