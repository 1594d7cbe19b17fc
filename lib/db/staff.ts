import type { Db } from './connection';
import { statement } from './statements';

/** Staff accounts, their sessions and failed sign-ins. Passwords and tokens arrive here already hashed. */

export interface StaffAccount {
  id: number;
  email: string;
  passwordHash: string;
}

export function insertStaff(db: Db, params: { email: string; passwordHash: string; now: number }): number {
  const result = statement(
    db,
    'INSERT INTO staff (email, password_hash, created_ms) VALUES (@email, @passwordHash, @now)',
  ).run(params);
  return Number(result.lastInsertRowid);
}

export function findStaffByEmail(db: Db, email: string): StaffAccount | undefined {
  return statement(db, 'SELECT id, email, password_hash AS passwordHash FROM staff WHERE email = ?').get(email) as
    | StaffAccount
    | undefined;
}

/** Sets a new password and ends the account's sessions; false when there is no such account. */
export function updateStaffPassword(db: Db, params: { email: string; passwordHash: string }): boolean {
  return db.transaction(() => {
    const account = findStaffByEmail(db, params.email);
    if (!account) return false;
    statement(db, 'UPDATE staff SET password_hash = ? WHERE id = ?').run(params.passwordHash, account.id);
    statement(db, 'DELETE FROM staff_sessions WHERE staff_id = ?').run(account.id);
    return true;
  })();
}

/** Removes an account (its sessions go with it); false when there is no such account. */
export function deleteStaff(db: Db, email: string): boolean {
  return statement(db, 'DELETE FROM staff WHERE email = ?').run(email).changes > 0;
}

export function insertStaffSession(
  db: Db,
  params: { tokenHash: string; staffId: number; now: number; expiresMs: number },
): void {
  statement(
    db,
    `INSERT INTO staff_sessions (token_hash, staff_id, created_ms, expires_ms)
     VALUES (@tokenHash, @staffId, @now, @expiresMs)`,
  ).run(params);
  // Expired sessions are useless; clear them out while we are writing anyway.
  statement(db, 'DELETE FROM staff_sessions WHERE expires_ms <= ?').run(params.now);
}

/** The signed-in account for a session token's hash, when the session has not expired. */
export function findSessionStaff(db: Db, params: { tokenHash: string; now: number }): { id: number; email: string } | undefined {
  return statement(
    db,
    `SELECT s.id, s.email FROM staff_sessions AS x JOIN staff AS s ON s.id = x.staff_id
     WHERE x.token_hash = @tokenHash AND x.expires_ms > @now`,
  ).get(params) as { id: number; email: string } | undefined;
}

export function deleteStaffSession(db: Db, tokenHash: string): void {
  statement(db, 'DELETE FROM staff_sessions WHERE token_hash = ?').run(tokenHash);
}

export function insertSignInFailures(db: Db, params: { keys: string[]; now: number }): void {
  const insert = statement(db, 'INSERT INTO sign_in_failures (key, at_ms) VALUES (?, ?)');
  db.transaction(() => {
    for (const key of params.keys) insert.run(key, params.now);
    // Failures older than a day count for nothing.
    statement(db, 'DELETE FROM sign_in_failures WHERE at_ms < ?').run(params.now - 86_400_000);
  })();
}

export function countSignInFailures(db: Db, params: { key: string; since: number }): number {
  const row = statement(db, 'SELECT COUNT(*) AS n FROM sign_in_failures WHERE key = @key AND at_ms > @since').get(
    params,
  ) as { n: number };
  return row.n;
}

export function clearSignInFailures(db: Db, key: string): void {
  statement(db, 'DELETE FROM sign_in_failures WHERE key = ?').run(key);
}
