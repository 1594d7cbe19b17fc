import { deleteStaff, findStaffByEmail, insertStaff, updateStaffPassword } from '@/lib/db/staff';
import {
  FAILURE_WINDOW_MS,
  MAX_FAILURES_PER_EMAIL,
  MAX_FAILURES_PER_IP,
  SESSION_SECONDS,
  signIn,
  signOut,
  staffForSession,
} from '@/lib/staff/auth';
import { hashPassword, verifyPassword } from '@/lib/staff/password';
import { ENGINES, openTestDatabase, type TestDatabase } from '../helpers/engines';
import { openSecondInstance } from '../helpers/second-instance';

const NOW = Date.parse('2026-11-25T12:00:00+08:00');
const PASSWORD = 'a long enough secret';

describe('password hashing', () => {
  it('stores scrypt parameters, salt and hash in one string and verifies only the right password', async () => {
    const hash = await hashPassword(PASSWORD);
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(hash).not.toContain(PASSWORD);
    await expect(verifyPassword(PASSWORD, hash)).resolves.toBe(true);
    await expect(verifyPassword('a long enough secreT', hash)).resolves.toBe(false);
    await expect(verifyPassword('', hash)).resolves.toBe(false);
  });

  it('salts every hash differently', async () => {
    expect(await hashPassword(PASSWORD)).not.toBe(await hashPassword(PASSWORD));
  });

  it('rejects malformed stored hashes instead of throwing', async () => {
    await expect(verifyPassword(PASSWORD, 'plain text')).resolves.toBe(false);
    await expect(verifyPassword(PASSWORD, 'scrypt$x$8$1$c2FsdA==$aGFzaA==')).resolves.toBe(false);
  });
});

describe.each(ENGINES)('sessions and throttling on %s', (engine) => {
  let ip = 0;
  /** A fresh client address per test, so one test's failures do not throttle the next. */
  const nextIp = () => `ip-${++ip}`;
  let t: TestDatabase;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await insertStaff(t.db, { email: 'Editor@Example.com', passwordHash: await hashPassword(PASSWORD), now: NOW });
    await insertStaff(t.db, { email: 'night@example.com', passwordHash: await hashPassword(PASSWORD), now: NOW });
  });
  afterAll(() => t.close());

  it('signs in (email in any case), keeps only the token hash, and expires the session', async () => {
    const { db } = t;
    const result = await signIn(db, { email: ' editor@example.com ', password: PASSWORD, ipHash: nextIp(), now: NOW });
    if (!result.ok) throw new Error('sign-in failed');
    expect(Buffer.from(result.token, 'base64url')).toHaveLength(32);
    expect(result.expiresMs).toBe(NOW + SESSION_SECONDS * 1000);
    const stored = await db.selectFrom('staff_sessions').select('token_hash').execute();
    expect(stored.map((r) => r.token_hash)).not.toContain(result.token);
    expect((await staffForSession(db, result.token, NOW + 1000))?.email).toBe('Editor@Example.com');
    expect(await staffForSession(db, result.token, result.expiresMs - 1)).toBeDefined();
    expect(await staffForSession(db, result.token, result.expiresMs)).toBeUndefined();
    expect(await staffForSession(db, 'forged', NOW)).toBeUndefined();
    expect(await staffForSession(db, undefined, NOW)).toBeUndefined();
  });

  it('signing out deletes the session', async () => {
    const { db } = t;
    const result = await signIn(db, { email: 'night@example.com', password: PASSWORD, ipHash: nextIp(), now: NOW });
    if (!result.ok) throw new Error('sign-in failed');
    await signOut(db, result.token);
    expect(await staffForSession(db, result.token, NOW)).toBeUndefined();
  });

  it('changing the password ends the sessions', async () => {
    const { db } = t;
    const result = await signIn(db, { email: 'night@example.com', password: PASSWORD, ipHash: nextIp(), now: NOW });
    if (!result.ok) throw new Error('sign-in failed');
    const { passwordHash } = (await findStaffByEmail(db, 'night@example.com'))!;
    expect(await updateStaffPassword(db, { email: 'NIGHT@example.com', passwordHash })).toBe(true);
    expect(await staffForSession(db, result.token, NOW)).toBeUndefined();
    expect(await updateStaffPassword(db, { email: 'nobody@example.com', passwordHash })).toBe(false);
  });

  it('answers wrong passwords and unknown accounts alike, then throttles the guessing address on that account for 15 minutes', async () => {
    const { db } = t;
    for (const email of ['editor@example.com', 'nobody@example.com']) {
      const guesser = nextIp();
      for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
        await expect(signIn(db, { email, password: 'wrong password!', ipHash: guesser, now: NOW + i })).resolves.toEqual({
          ok: false,
          reason: 'invalid',
        });
      }
      // The guessing address is refused even the right password while the window lasts.
      const later = NOW + FAILURE_WINDOW_MS - 1;
      await expect(signIn(db, { email, password: PASSWORD, ipHash: guesser, now: later })).resolves.toEqual({
        ok: false,
        reason: 'throttled',
      });
      // Another address that then guesses wrong is refused from its next attempt on.
      const second = nextIp();
      await expect(signIn(db, { email, password: 'another guess!', ipHash: second, now: later })).resolves.toMatchObject({ reason: 'invalid' });
      await expect(signIn(db, { email, password: PASSWORD, ipHash: second, now: later })).resolves.toMatchObject({ reason: 'throttled' });
    }
    const result = await signIn(db, { email: 'editor@example.com', password: PASSWORD, ipHash: nextIp(), now: NOW + FAILURE_WINDOW_MS + 10 });
    expect(result.ok).toBe(true);
  });

  it('never locks the owner out: the right password from an address that has not failed gets in while the account is under attack', async () => {
    const { db } = t;
    const attacker = nextIp();
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL * 3; i++) {
      await signIn(db, { email: 'night@example.com', password: `guess ${i} guess`, ipHash: attacker, now: NOW + i });
    }
    await expect(signIn(db, { email: 'night@example.com', password: 'one more guess', ipHash: attacker, now: NOW + 100 })).resolves.toMatchObject({
      reason: 'throttled',
    });
    const owner = await signIn(db, { email: 'night@example.com', password: PASSWORD, ipHash: nextIp(), now: NOW + 200 });
    expect(owner.ok).toBe(true);
    // Signing in does not lift the attacker's refusal.
    await expect(signIn(db, { email: 'night@example.com', password: PASSWORD, ipHash: attacker, now: NOW + 300 })).resolves.toMatchObject({
      reason: 'throttled',
    });
  });

  it('throttles one address that tries many accounts', async () => {
    const { db } = t;
    const ipHash = nextIp();
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await signIn(db, { email: `guess${i}@example.com`, password: 'wrong password!', ipHash, now: NOW });
    }
    await expect(signIn(db, { email: 'night@example.com', password: PASSWORD, ipHash, now: NOW + 1 })).resolves.toEqual({
      ok: false,
      reason: 'throttled',
    });
    expect((await signIn(db, { email: 'night@example.com', password: PASSWORD, ipHash: nextIp(), now: NOW + 1 })).ok).toBe(true);
  });

  it('knows an account by its address in any case, and keeps one account per address', async () => {
    const { db } = t;
    const account = await findStaffByEmail(db, 'EDITOR@example.COM');
    expect(account?.email).toBe('Editor@Example.com');
    // (The code, not toThrow: under Jest, better-sqlite3's errors may come from another realm's Error.)
    await expect(insertStaff(db, { email: 'editor@EXAMPLE.com', passwordHash: 'x', now: NOW })).rejects.toMatchObject({
      code: engine === 'postgres' ? '23505' : 'SQLITE_CONSTRAINT_UNIQUE',
    });
    const id = await insertStaff(db, { email: 'leaving@example.com', passwordHash: await hashPassword(PASSWORD), now: NOW });
    const session = await signIn(db, { email: 'leaving@example.com', password: PASSWORD, ipHash: nextIp(), now: NOW });
    if (!session.ok) throw new Error('sign-in failed');
    expect(session.staff.id).toBe(id);
    expect(await deleteStaff(db, 'Leaving@Example.com')).toBe(true);
    expect(await deleteStaff(db, 'leaving@example.com')).toBe(false);
    // Its sessions went with it.
    expect(await staffForSession(db, session.token, NOW)).toBeUndefined();
    expect(await db.selectFrom('staff_sessions').select('token_hash').where('staff_id', '=', id).execute()).toEqual([]);
  });

  it('counts failures in the database: guesses through one instance throttle the others', async () => {
    const email = 'desk@example.com';
    await insertStaff(t.db, { email, passwordHash: await hashPassword(PASSWORD), now: NOW });
    const other = openSecondInstance(t);
    try {
      const guesser = nextIp();
      for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
        const instance = i % 2 === 0 ? t.db : other;
        await expect(signIn(instance, { email, password: 'wrong password!', ipHash: guesser, now: NOW + i })).resolves.toMatchObject({
          reason: 'invalid',
        });
      }
      await expect(signIn(other, { email, password: PASSWORD, ipHash: guesser, now: NOW + 10 })).resolves.toEqual({
        ok: false,
        reason: 'throttled',
      });
      // A session made by one instance is known to the other.
      const owner = await signIn(t.db, { email, password: PASSWORD, ipHash: nextIp(), now: NOW + 20 });
      if (!owner.ok) throw new Error('sign-in failed');
      expect((await staffForSession(other, owner.token, NOW + 30))?.email).toBe(email);
    } finally {
      await other.destroy();
    }
  });
});
