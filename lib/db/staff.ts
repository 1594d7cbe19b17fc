import type { ExpressionBuilder } from 'kysely';
import { type Database, engineOf } from './database';
import { writeTransaction } from './engine';
import type { Schema } from './schema';

/** Staff accounts, their sessions and failed sign-ins. Passwords and tokens arrive here already hashed. */

export interface StaffAccount {
  id: number;
  email: string;
  passwordHash: string;
}

/**
 * staff.email is `email`, ignoring case, as the unique index compares it: SQLite's column is
 * COLLATE NOCASE; PostgreSQL's index is on lower(email), which this comparison can use.
 */
function emailIs(db: Database, email: string) {
  const postgres = engineOf(db) === 'postgres';
  return (eb: ExpressionBuilder<Schema, 'staff'>) =>
    postgres ? eb(eb.fn<string>('lower', ['email']), '=', eb.fn<string>('lower', [eb.val(email)])) : eb('email', '=', email);
}

export async function insertStaff(db: Database, params: { email: string; passwordHash: string; now: number }): Promise<number> {
  const row = await db
    .insertInto('staff')
    .values({ email: params.email, password_hash: params.passwordHash, created_ms: params.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findStaffByEmail(db: Database, email: string): Promise<StaffAccount | undefined> {
  return db
    .selectFrom('staff')
    .select(['id', 'email', 'password_hash as passwordHash'])
    .where(emailIs(db, email))
    .executeTakeFirst();
}

/** Sets a new password and ends the account's sessions; false when there is no such account. */
export async function updateStaffPassword(db: Database, params: { email: string; passwordHash: string }): Promise<boolean> {
  return writeTransaction(db, `staff:${params.email.toLowerCase()}`, async (trx) => {
    const account = await findStaffByEmail(trx, params.email);
    if (!account) return false;
    await trx.updateTable('staff').set({ password_hash: params.passwordHash }).where('id', '=', account.id).execute();
    await trx.deleteFrom('staff_sessions').where('staff_id', '=', account.id).execute();
    return true;
  });
}

/** Removes an account (its sessions go with it); false when there is no such account. */
export async function deleteStaff(db: Database, email: string): Promise<boolean> {
  const result = await db.deleteFrom('staff').where(emailIs(db, email)).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function insertStaffSession(
  db: Database,
  params: { tokenHash: string; staffId: number; now: number; expiresMs: number },
): Promise<void> {
  await db
    .insertInto('staff_sessions')
    .values({ token_hash: params.tokenHash, staff_id: params.staffId, created_ms: params.now, expires_ms: params.expiresMs })
    .execute();
  // Expired sessions are useless; clear them out while we are writing anyway.
  await db.deleteFrom('staff_sessions').where('expires_ms', '<=', params.now).execute();
}

/** The signed-in account for a session token's hash, when the session has not expired. */
export async function findSessionStaff(
  db: Database,
  params: { tokenHash: string; now: number },
): Promise<{ id: number; email: string } | undefined> {
  return db
    .selectFrom('staff_sessions as x')
    .innerJoin('staff as s', 's.id', 'x.staff_id')
    .select(['s.id', 's.email'])
    .where('x.token_hash', '=', params.tokenHash)
    .where('x.expires_ms', '>', params.now)
    .executeTakeFirst();
}

export async function deleteStaffSession(db: Database, tokenHash: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute();
}

export async function insertSignInFailures(db: Database, params: { keys: string[]; now: number }): Promise<void> {
  // One statement stores all the keys of an attempt, or none; the clean-up after it needs no
  // transaction of its own (a clean-up lost to a crash is done by the next failure).
  if (params.keys.length > 0) {
    await db
      .insertInto('sign_in_failures')
      .values(params.keys.map((key) => ({ key, at_ms: params.now })))
      .execute();
  }
  // Failures older than a day count for nothing.
  await db.deleteFrom('sign_in_failures').where('at_ms', '<', params.now - 86_400_000).execute();
}

export async function countSignInFailures(db: Database, params: { key: string; since: number }): Promise<number> {
  const row = await db
    .selectFrom('sign_in_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', params.key)
    .where('at_ms', '>', params.since)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function clearSignInFailures(db: Database, key: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('key', '=', key).execute();
}
