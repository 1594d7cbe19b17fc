import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { axeViolations } from './axe';
import { launchChromium } from './browser';
import { baseUrl, get, readState } from './server';
import { postForm, staffScript } from './staff';

/**
 * Issue 17's first slice against the production server in Chromium: an admin invites a
 * reporter, the reporter sets a password through the one-time link and signs in, cannot open
 * or post to the staff pages (a crafted post is refused with 403), the admin changes the role
 * and disables the account (its session ends), every step lands in the audit log; axe at 390
 * and 1366 px; the invitation accepted with the keyboard alone; the staff area in Chinese.
 */

const ADMIN = 'chief@newsroom.example';
const REPORTER = 'reporter@newsroom.example';
const PASSWORD = 'correct horse battery staple';
const REPORTER_PASSWORD = 'a reporter’s long password';
const t = en.Admin;
const fill = (text: string, values: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_m, name: string) => values[name] ?? '');

let db: Database.Database;
let browser: Browser;
let adminContext: BrowserContext;
let admin: Page;
let reporterContext: BrowserContext;
let reporter: Page;
let invitationLink = '';

function account(email: string) {
  return db.prepare('SELECT id, role, disabled_ms AS disabledMs FROM staff WHERE email = ?').get(email) as
    | { id: number; role: string; disabledMs: number | null }
    | undefined;
}

async function cookieHeader(context: BrowserContext): Promise<string> {
  const session = (await context.cookies()).find((cookie) => cookie.name === 'staff_session');
  return session ? `${session.name}=${session.value}` : '';
}

async function signInAs(page: Page, email: string, password: string) {
  await page.goto(`${baseUrl()}/admin/login`);
  await page.getByLabel(t.login.email).fill(email);
  await page.getByLabel(t.login.password).fill(password);
  await page.getByRole('button', { name: t.login.submit }).click();
  await page.waitForURL(/\/admin\/messages$/);
}

/** axe (WCAG 2.2 AA) on the page as it is, at a phone's width and a desktop's. */
async function expectAccessible(page: Page, label: string) {
  for (const width of [390, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    const violations = await axeViolations(page);
    expect({ label, width, violations }).toEqual({ label, width, violations: [] });
  }
}

beforeAll(async () => {
  const wrongRole = staffScript(['add', 'x@newsroom.example', '--role', 'owner'], `${PASSWORD}\n`);
  expect(wrongRole.status).toBe(2);
  expect(wrongRole.stderr).toMatch(/--role reporter\|editor\|admin/);
  const created = staffScript(['add', ADMIN, '--role', 'admin'], `${PASSWORD}\n`);
  expect(created.stderr).toBe('');
  expect(created.stdout).toContain('(admin)');
  db = new Database(readState().databasePath);
  db.pragma('busy_timeout = 5000');
  browser = await launchChromium();
  adminContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  admin = await adminContext.newPage();
  reporterContext = await browser.newContext({ viewport: { width: 390, height: 900 } });
  reporter = await reporterContext.newPage();
}, 60_000);

afterAll(async () => {
  db?.close();
  await browser?.close();
});

describe('the newsroom staff', () => {
  it('an admin invites a reporter and is shown the one-time link', async () => {
    await signInAs(admin, ADMIN, PASSWORD);
    expect(await admin.getByRole('navigation', { name: t.nav.label }).getByRole('link', { name: t.nav.staff }).count()).toBe(1);
    await admin.goto(`${baseUrl()}/admin/staff`);
    expect(await admin.getByRole('heading', { level: 1 }).textContent()).toBe(t.staff.title);
    await expectAccessible(admin, '/admin/staff');

    await admin.getByLabel(t.staff.inviteEmail).fill(REPORTER);
    await admin.getByLabel(t.staff.inviteRole, { exact: true }).selectOption('reporter');
    await admin.getByRole('button', { name: t.staff.inviteSubmit }).click();
    await admin.waitForURL(/\/admin\/staff\?notice=invited/);
    expect(await admin.getByRole('status').textContent()).toBe(t.staff.notice.invited);
    invitationLink = await admin.getByLabel(t.staff.linkLabel).inputValue();
    expect(invitationLink).toMatch(new RegExp(`^${baseUrl()}/admin/invite/[A-Za-z0-9_-]{43}$`));
    // Only the token's hash is stored.
    const token = invitationLink.split('/').at(-1)!;
    const stored = db.prepare('SELECT token_hash FROM staff_invitations').all() as { token_hash: string }[];
    expect(stored.map((row) => row.token_hash)).not.toContain(token);
    // The address as a whole word: other suites' accounts (list-reporter@…) share this server.
    const reporterRow = new RegExp(`(^|\\s)${REPORTER.replace(/[.]/g, '\\.')}(\\s|$)`);
    expect(await admin.getByRole('row', { name: reporterRow }).count()).toBe(1);
    await expectAccessible(admin, '/admin/staff with a new invitation');
  });

  it('a crafted invitation post without the session, or from another site, changes nothing', async () => {
    const before = (db.prepare('SELECT COUNT(*) AS n FROM staff_invitations').get() as { n: number }).n;
    const signedOut = await postForm('/admin/staff/invite', { email: 'eve@example.com', role: 'admin' });
    expect(signedOut.status).toBe(303);
    const cookie = await cookieHeader(adminContext);
    const crossSite = await postForm('/admin/staff/invite', { email: 'eve@example.com', role: 'admin' }, { cookie, origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect((db.prepare('SELECT COUNT(*) AS n FROM staff_invitations').get() as { n: number }).n).toBe(before);
  });

  it('the reporter accepts the invitation with the keyboard alone, then signs in', async () => {
    await reporter.goto(invitationLink);
    expect(await reporter.getByRole('heading', { level: 1 }).textContent()).toBe(t.invite.title);
    expect(await reporter.getByText(fill(t.invite.intro, { role: t.role.reporter, email: REPORTER })).count()).toBe(1);
    await expectAccessible(reporter, '/admin/invite/{token}');

    // Too short: back with the rule, nothing made.
    await reporter.getByLabel(t.invite.password).fill('short');
    await reporter.getByLabel(t.invite.confirm).fill('short');
    await reporter.evaluate(() => document.querySelectorAll('input').forEach((input) => input.removeAttribute('minlength')));
    await reporter.getByRole('button', { name: t.invite.submit }).click();
    await reporter.waitForURL(/notice=short$/);
    expect(await reporter.locator('main [role="alert"]').textContent()).toBe(fill(t.invite.notice.short, { min: '12' }));
    expect(account(REPORTER)).toBeUndefined();

    // From the top of the page: Tab to the password, type, Tab, type, Enter.
    await reporter.goto(invitationLink);
    for (let i = 0; i < 20 && (await reporter.evaluate(() => document.activeElement?.id)) !== 'password'; i++) await reporter.keyboard.press('Tab');
    expect(await reporter.evaluate(() => document.activeElement?.id)).toBe('password');
    await reporter.keyboard.type(REPORTER_PASSWORD);
    await reporter.keyboard.press('Tab');
    expect(await reporter.evaluate(() => document.activeElement?.id)).toBe('confirm');
    await reporter.keyboard.type(REPORTER_PASSWORD);
    await reporter.keyboard.press('Enter');
    await reporter.waitForURL(/\/admin\/login\?notice=accepted$/);
    expect(await reporter.getByRole('status').textContent()).toBe(t.login.accepted);
    expect(account(REPORTER)).toMatchObject({ role: 'reporter', disabledMs: null });

    // Used once: the link no longer opens the form.
    await reporter.goto(invitationLink);
    expect(await reporter.getByRole('heading', { level: 1 }).textContent()).toBe(t.invite.goneTitle);
    await expectAccessible(reporter, '/admin/invite/{used token}');

    await signInAs(reporter, REPORTER, REPORTER_PASSWORD);
    const nav = reporter.getByRole('navigation', { name: t.nav.label });
    expect(await nav.getByRole('link', { name: t.nav.staff }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: t.nav.audit }).count()).toBe(0);
  });

  it('the reporter cannot open the staff or audit pages (404) nor post to their forms (403)', async () => {
    for (const pathname of ['/admin/staff', '/admin/audit']) {
      const response = await reporter.goto(`${baseUrl()}${pathname}`);
      expect({ pathname, status: response?.status() }).toEqual({ pathname, status: 404 });
      expect(await reporter.getByRole('heading', { level: 1 }).textContent()).toBe(t.notFound.title);
    }
    const cookie = await cookieHeader(reporterContext);
    const { id } = account(REPORTER)!;
    const adminId = account(ADMIN)!.id;
    const crafted: [string, Record<string, string>][] = [
      [`/admin/staff/${id}/role`, { role: 'admin' }],
      ['/admin/staff/invite', { email: 'friend@example.com', role: 'admin' }],
      [`/admin/staff/${adminId}/status`, { status: 'disabled' }],
    ];
    for (const [pathname, fields] of crafted) {
      const response = await postForm(pathname, fields, { cookie });
      expect({ pathname, status: response.status }).toEqual({ pathname, status: 403 });
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    }
    expect(account(REPORTER)!.role).toBe('reporter');
    expect(account(ADMIN)!.disabledMs).toBeNull();
  });

  it('the admin changes the role; the last admin cannot step down', async () => {
    await admin.goto(`${baseUrl()}/admin/staff`);
    const row = admin.getByTestId(`staff-${REPORTER}`);
    await row.getByLabel(fill(t.staff.changeRole, { email: REPORTER })).selectOption('editor');
    await row.getByRole('button', { name: t.staff.saveRole }).click();
    await admin.waitForURL(/notice=roleChanged$/);
    expect(account(REPORTER)!.role).toBe('editor');

    const own = admin.getByTestId(`staff-${ADMIN}`);
    await own.getByLabel(fill(t.staff.changeRole, { email: ADMIN })).selectOption('reporter');
    await own.getByRole('button', { name: t.staff.saveRole }).click();
    await admin.waitForURL(/notice=lastAdmin$/);
    expect(await admin.locator('main [role="alert"]').textContent()).toBe(t.staff.notice.lastAdmin);
    expect(account(ADMIN)!.role).toBe('admin');

    // An editor reads the audit log.
    const audit = await reporter.goto(`${baseUrl()}/admin/audit`);
    expect(audit?.status()).toBe(200);
  });

  it('disabling ends the session at once, and the account cannot sign in', async () => {
    const cookie = await cookieHeader(reporterContext);
    await admin.goto(`${baseUrl()}/admin/staff`);
    await admin.getByTestId(`staff-${REPORTER}`).getByRole('button', { name: `${t.staff.disable}: ${REPORTER}` }).click();
    await admin.waitForURL(/notice=disabled$/);
    expect(account(REPORTER)!.disabledMs).not.toBeNull();
    await reporter.goto(`${baseUrl()}/admin/messages`);
    expect(new URL(reporter.url()).pathname).toBe('/admin/login');
    const replay = await get('/admin/messages', { headers: { cookie } });
    expect(replay.headers.get('location') ?? '').toContain('/admin/login');
    const again = await postForm('/admin/sign-in', { email: REPORTER, password: REPORTER_PASSWORD });
    expect(again.headers.get('location') ?? '').toContain('notice=invalid');
  });

  it('the audit log shows every step, newest first, filtered by action and by who', async () => {
    await admin.goto(`${baseUrl()}/admin/audit`);
    expect(await admin.getByRole('heading', { level: 1 }).textContent()).toBe(t.audit.title);
    const actions = await admin.locator('tbody th[scope="row"]').allTextContents();
    const a = t.audit.actions;
    expect(actions.indexOf(a.staff.disable)).toBeLessThan(actions.indexOf(a.staff.roleChange));
    for (const action of [a.staff.signIn, a.staff.signInFailed, a.staff.invite, a.staff.inviteAccepted, a.staff.roleChange, a.staff.disable]) {
      expect(actions).toContain(action);
    }
    await expectAccessible(admin, '/admin/audit');

    await admin.getByLabel(t.audit.action).selectOption('staff.roleChange');
    await admin.getByLabel(t.audit.actor).selectOption({ label: ADMIN });
    await admin.getByRole('button', { name: t.audit.apply }).click();
    await admin.waitForURL(/action=staff\.roleChange&actor=\d+$/);
    expect(new Set(await admin.locator('tbody th[scope="row"]').allTextContents())).toEqual(new Set([a.staff.roleChange]));
    expect(await admin.locator('tbody').textContent()).toContain('"to":"editor"');
  });

  it('the staff area follows the account language', async () => {
    await admin.goto(`${baseUrl()}/admin/account`);
    await admin.getByLabel('中文').check();
    await admin.getByRole('button', { name: t.account.save }).click();
    await admin.waitForURL(/\/admin\/account$/);
    expect(await admin.locator('html').getAttribute('lang')).toBe('zh-Hans');
    expect(await admin.getByRole('heading', { level: 1 }).textContent()).toBe(zh.Admin.account.title);
    await admin.goto(`${baseUrl()}/admin/staff`);
    expect(await admin.getByRole('heading', { level: 1 }).textContent()).toBe(zh.Admin.staff.title);
    await expectAccessible(admin, '/admin/staff in Chinese');
    await admin.goto(`${baseUrl()}/admin/account`);
    await admin.getByLabel('English').check();
    await admin.getByRole('button', { name: zh.Admin.account.save }).click();
    await admin.waitForURL(/\/admin\/account$/);
    expect(await admin.locator('html').getAttribute('lang')).toBe('en');
  });
});
