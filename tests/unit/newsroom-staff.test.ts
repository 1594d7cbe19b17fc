import { listAuditEntries, recordAudit } from '@/lib/db/audit';
import { findStaffByEmail, insertStaff, listOpenInvitations, listStaff } from '@/lib/db/staff';
import { signIn, signOut, staffForSession } from '@/lib/staff/auth';
import {
  acceptInvitation,
  changeStaffRole,
  INVITATION_DAYS,
  inviteStaff,
  openInvitation,
  revokeInvitation,
  setStaffDisabled,
  setStaffLocale,
} from '@/lib/staff/manage';
import { hashPassword } from '@/lib/staff/password';
import { can, STAFF_ACTIONS, type StaffRole } from '@/lib/staff/roles';
import { ENGINES, openTestDatabase, type TestDatabase } from '../helpers/engines';

const NOW = Date.parse('2026-11-28T09:00:00+08:00');
const PASSWORD = 'a long enough secret';
const DAY = 86_400_000;

describe('can(role, action)', () => {
  it('lets each role do what the one below it does, and more', () => {
    const allowed = (role: StaffRole) => STAFF_ACTIONS.filter((action) => can(role, action));
    expect(allowed('reporter')).toEqual(['inbox.read', 'article.list', 'article.create', 'article.editOwn', 'article.submit', 'picture.upload']);
    expect(allowed('editor')).toEqual(STAFF_ACTIONS.filter((action) => action !== 'staff.manage'));
    expect(allowed('admin')).toEqual([...STAFF_ACTIONS]);
  });
});

describe.each(ENGINES)('staff roles, invitations and the audit log on %s', (engine) => {
  let t: TestDatabase;
  let admin: { id: number; email: string };

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    const id = await insertStaff(t.db, { email: 'chief@example.com', passwordHash: await hashPassword(PASSWORD), now: NOW });
    admin = { id, email: 'chief@example.com' };
  });
  afterAll(() => t.close());

  it('makes accounts admins unless a role is given', async () => {
    expect((await findStaffByEmail(t.db, 'chief@example.com'))?.role).toBe('admin');
    await insertStaff(t.db, { email: 'desk@example.com', passwordHash: 'x', role: 'editor', now: NOW });
    expect((await findStaffByEmail(t.db, 'DESK@example.com'))).toMatchObject({ role: 'editor', locale: 'en', disabledMs: null });
  });

  it('invites once: the token opens the invitation until it is used, and only its hash is stored', async () => {
    const invited = await inviteStaff(t.db, { actor: admin, email: 'new@example.com', role: 'reporter', now: NOW });
    if (!invited.ok) throw new Error('invite refused');
    expect(invited.expiresMs).toBe(NOW + INVITATION_DAYS * DAY);
    const stored = await t.db.selectFrom('staff_invitations').select('token_hash').execute();
    expect(stored.map((row) => row.token_hash)).not.toContain(invited.token);
    expect((await listOpenInvitations(t.db, NOW)).map((i) => i.email)).toEqual(['new@example.com']);
    expect(await openInvitation(t.db, invited.token, NOW + DAY)).toMatchObject({ email: 'new@example.com', role: 'reporter' });

    expect(await acceptInvitation(t.db, { token: invited.token, password: 'short', confirm: 'short', now: NOW + DAY })).toEqual({
      ok: false,
      reason: 'short',
    });
    expect(await acceptInvitation(t.db, { token: invited.token, password: PASSWORD, confirm: `${PASSWORD}!`, now: NOW + DAY })).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    const accepted = await acceptInvitation(t.db, { token: invited.token, password: PASSWORD, confirm: PASSWORD, now: NOW + DAY });
    expect(accepted.ok).toBe(true);
    expect((await findStaffByEmail(t.db, 'new@example.com'))?.role).toBe('reporter');
    // Used up: a second submission, or a second tab, finds nothing to accept.
    expect(await acceptInvitation(t.db, { token: invited.token, password: PASSWORD, confirm: PASSWORD, now: NOW + DAY })).toEqual({
      ok: false,
      reason: 'gone',
    });
    expect(await openInvitation(t.db, invited.token, NOW + DAY)).toBeUndefined();
    expect(await listOpenInvitations(t.db, NOW + DAY)).toEqual([]);
  });

  it('refuses an invitation once it has expired or been revoked, and an address that has an account', async () => {
    const late = await inviteStaff(t.db, { actor: admin, email: 'late@example.com', role: 'editor', now: NOW });
    if (!late.ok) throw new Error('invite refused');
    const expiry = NOW + INVITATION_DAYS * DAY;
    expect(await openInvitation(t.db, late.token, expiry - 1)).toBeDefined();
    expect(await acceptInvitation(t.db, { token: late.token, password: PASSWORD, confirm: PASSWORD, now: expiry })).toEqual({
      ok: false,
      reason: 'gone',
    });
    const revoked = await inviteStaff(t.db, { actor: admin, email: 'revoked@example.com', role: 'editor', now: NOW });
    if (!revoked.ok) throw new Error('invite refused');
    expect(await revokeInvitation(t.db, { actor: admin, id: revoked.id, now: NOW + 1 })).toBe(true);
    expect(await revokeInvitation(t.db, { actor: admin, id: revoked.id, now: NOW + 2 })).toBe(false);
    expect(await openInvitation(t.db, revoked.token, NOW + 3)).toBeUndefined();
    expect(await inviteStaff(t.db, { actor: admin, email: 'Chief@example.com', role: 'editor', now: NOW })).toEqual({
      ok: false,
      reason: 'exists',
    });
    expect(await openInvitation(t.db, 'not a token', NOW)).toBeUndefined();
  });

  it('changes roles and disables, but never leaves no admin who can sign in', async () => {
    const reporter = (await findStaffByEmail(t.db, 'new@example.com'))!;
    expect(await changeStaffRole(t.db, { actor: admin, id: admin.id, role: 'editor', now: NOW })).toEqual({ ok: false, reason: 'lastAdmin' });
    expect(await setStaffDisabled(t.db, { actor: admin, id: admin.id, disabled: true, now: NOW })).toEqual({ ok: false, reason: 'lastAdmin' });
    expect(await changeStaffRole(t.db, { actor: admin, id: 9999, role: 'editor', now: NOW })).toEqual({ ok: false, reason: 'notFound' });

    expect(await changeStaffRole(t.db, { actor: admin, id: reporter.id, role: 'admin', now: NOW })).toEqual({ ok: true });
    // Now there are two admins: the first may step down.
    expect(await changeStaffRole(t.db, { actor: admin, id: admin.id, role: 'editor', now: NOW })).toEqual({ ok: true });
    expect(await changeStaffRole(t.db, { actor: admin, id: admin.id, role: 'admin', now: NOW })).toEqual({ ok: true });
    expect(await changeStaffRole(t.db, { actor: admin, id: reporter.id, role: 'reporter', now: NOW })).toEqual({ ok: true });
    expect((await listStaff(t.db)).map((row) => [row.email, row.role])).toEqual([
      ['chief@example.com', 'admin'],
      ['desk@example.com', 'editor'],
      ['new@example.com', 'reporter'],
    ]);
  });

  it('a disabled account cannot sign in and its sessions end; enabled again, it can', async () => {
    const reporter = (await findStaffByEmail(t.db, 'new@example.com'))!;
    const session = await signIn(t.db, { email: 'new@example.com', password: PASSWORD, ipHash: 'ip-a', now: NOW });
    if (!session.ok) throw new Error('sign-in failed');
    expect(await staffForSession(t.db, session.token, NOW + 1)).toEqual({ id: reporter.id, email: 'new@example.com', role: 'reporter', locale: 'en' });
    expect(await setStaffDisabled(t.db, { actor: admin, id: reporter.id, disabled: true, now: NOW + 2 })).toEqual({ ok: true });
    expect(await staffForSession(t.db, session.token, NOW + 3)).toBeUndefined();
    expect(await signIn(t.db, { email: 'new@example.com', password: PASSWORD, ipHash: 'ip-a', now: NOW + 4 })).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect((await listStaff(t.db)).at(-1)).toMatchObject({ email: 'new@example.com', disabledMs: NOW + 2, lastSignInMs: NOW });
    expect(await setStaffDisabled(t.db, { actor: admin, id: reporter.id, disabled: false, now: NOW + 5 })).toEqual({ ok: true });
    expect((await signIn(t.db, { email: 'new@example.com', password: PASSWORD, ipHash: 'ip-a', now: NOW + 6 })).ok).toBe(true);
  });

  it('keeps the account language', async () => {
    await setStaffLocale(t.db, { actor: admin, locale: 'zh', now: NOW });
    expect((await findStaffByEmail(t.db, admin.email))?.locale).toBe('zh');
  });

  it('writes every change to the audit log, newest first, by action, actor and subject, in pages', async () => {
    const reporter = (await findStaffByEmail(t.db, 'new@example.com'))!;
    const session = await signIn(t.db, { email: 'new@example.com', password: PASSWORD, ipHash: 'ip-b', now: NOW + 10 });
    if (!session.ok) throw new Error('sign-in failed');
    await signOut(t.db, session.token, NOW + 11);
    await signIn(t.db, { email: 'new@example.com', password: 'wrong password!', ipHash: 'ip-b', now: NOW + 12 });

    const all = await listAuditEntries(t.db, { limit: 100 });
    expect(all.more).toBe(false);
    const ids = all.entries.map((entry) => entry.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(all.entries.map((entry) => entry.action))).toEqual(
      new Set([
        'staff.invite',
        'staff.inviteAccepted',
        'staff.inviteRevoked',
        'staff.roleChange',
        'staff.disable',
        'staff.enable',
        'staff.signIn',
        'staff.signInFailed',
        'staff.signOut',
        'staff.localeChange',
      ]),
    );
    const [failed, signedOut] = all.entries;
    expect(failed).toMatchObject({ action: 'staff.signInFailed', actorId: null, subjectType: 'staff', subjectId: String(reporter.id) });
    expect(failed!.detail).toMatchObject({ reason: 'invalid' });
    expect(JSON.stringify(failed!.detail)).not.toContain('new@example.com');
    expect(signedOut).toMatchObject({ action: 'staff.signOut', actorId: reporter.id, actorEmail: 'new@example.com' });

    const roleChanges = await listAuditEntries(t.db, { action: 'staff.roleChange', limit: 100 });
    expect(roleChanges.entries.map((entry) => entry.detail)).toContainEqual({ email: 'new@example.com', from: 'reporter', to: 'admin' });
    expect(roleChanges.entries.every((entry) => entry.actorId === admin.id)).toBe(true);

    const byReporter = await listAuditEntries(t.db, { actorId: reporter.id, limit: 100 });
    expect(byReporter.entries.every((entry) => entry.actorEmail === 'new@example.com')).toBe(true);

    // Per subject, as the article page will ask.
    await recordAudit(t.db, { actorId: admin.id, actorEmail: admin.email, action: 'article.publish', subject: { type: 'article', id: 42 }, now: NOW + 20 });
    const article = await listAuditEntries(t.db, { subject: { type: 'article', id: 42 }, limit: 10 });
    expect(article.entries.map((entry) => entry.action)).toEqual(['article.publish']);

    const first = await listAuditEntries(t.db, { limit: 3 });
    expect(first.more).toBe(true);
    const second = await listAuditEntries(t.db, { limit: 3, before: first.entries.at(-1)!.id });
    expect(Math.max(...second.entries.map((entry) => entry.id))).toBeLessThan(Math.min(...first.entries.map((entry) => entry.id)));
  });

  it('an entry outlives its actor', async () => {
    const id = await insertStaff(t.db, { email: 'gone@example.com', passwordHash: 'x', role: 'reporter', now: NOW });
    await recordAudit(t.db, { actorId: id, actorEmail: 'gone@example.com', action: 'article.create', subject: { type: 'article', id: 7 }, now: NOW });
    await t.db.deleteFrom('staff').where('id', '=', id).execute();
    const [entry] = (await listAuditEntries(t.db, { subject: { type: 'article', id: 7 }, limit: 1 })).entries;
    expect(entry).toMatchObject({ actorId: null, actorEmail: 'gone@example.com' });
  });
});
