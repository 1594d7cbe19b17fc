import type { ExpressionBuilder } from 'kysely';
import { type Database, engineOf } from './database';
import { writeTransaction } from './engine';
import type { StaffLocale, StaffMember, StaffRole } from '../staff/roles';
import type { Schema } from './schema';

/** Staff accounts, their sessions, invitations and failed sign-ins. Passwords and tokens arrive here already hashed. */

export interface StaffAccount extends StaffMember {
  passwordHash: string;
  disabledMs: number | null;
}

/** A row of the staff list (/admin/staff). */
export interface StaffListRow extends StaffMember {
  disabledMs: number | null;
  lastSignInMs: number | null;
  createdMs: number;
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

/** A new account; without a role an admin, as every account made at the command line was before roles. */
export async function insertStaff(
  db: Database,
  params: { email: string; passwordHash: string; now: number; role?: StaffRole; locale?: StaffLocale; invitedBy?: number | null },
): Promise<number> {
  const row = await db
    .insertInto('staff')
    .values({
      email: params.email,
      password_hash: params.passwordHash,
      created_ms: params.now,
      role: params.role ?? 'admin',
      locale: params.locale ?? 'en',
      invited_by: params.invitedBy ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findStaffByEmail(db: Database, email: string): Promise<StaffAccount | undefined> {
  return db
    .selectFrom('staff')
    .select(['id', 'email', 'password_hash as passwordHash', 'role', 'locale', 'disabled_ms as disabledMs'])
    .where(emailIs(db, email))
    .executeTakeFirst();
}

export async function findStaffById(db: Database, id: number): Promise<StaffAccount | undefined> {
  return db
    .selectFrom('staff')
    .select(['id', 'email', 'password_hash as passwordHash', 'role', 'locale', 'disabled_ms as disabledMs'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Every account, active ones first, then by address. */
export async function listStaff(db: Database): Promise<StaffListRow[]> {
  const rows = await db
    .selectFrom('staff')
    .select([
      'id',
      'email',
      'role',
      'locale',
      'disabled_ms as disabledMs',
      'last_sign_in_ms as lastSignInMs',
      'created_ms as createdMs',
    ])
    .orderBy((eb) => eb.case().when('disabled_ms', 'is', null).then(0).else(1).end())
    .orderBy('email')
    .execute();
  return rows;
}

/** Admins who can still sign in, other than `except`: the last one may not be demoted or disabled. */
export async function countActiveAdmins(db: Database, params: { except?: number } = {}): Promise<number> {
  let select = db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('disabled_ms', 'is', null);
  if (params.except !== undefined) select = select.where('id', '!=', params.except);
  return Number((await select.executeTakeFirstOrThrow()).n);
}

export async function updateStaffRole(db: Database, params: { id: number; role: StaffRole }): Promise<void> {
  await db.updateTable('staff').set({ role: params.role }).where('id', '=', params.id).execute();
}

export async function updateStaffLocale(db: Database, params: { id: number; locale: StaffLocale }): Promise<void> {
  await db.updateTable('staff').set({ locale: params.locale }).where('id', '=', params.id).execute();
}

/** Disables (a time) or enables (null) an account; disabling ends its sessions in the same statement's transaction. */
export async function updateStaffDisabled(db: Database, params: { id: number; disabledMs: number | null }): Promise<void> {
  await db.updateTable('staff').set({ disabled_ms: params.disabledMs }).where('id', '=', params.id).execute();
  if (params.disabledMs !== null) await db.deleteFrom('staff_sessions').where('staff_id', '=', params.id).execute();
}

export async function markStaffSignedIn(db: Database, params: { id: number; now: number }): Promise<void> {
  await db.updateTable('staff').set({ last_sign_in_ms: params.now }).where('id', '=', params.id).execute();
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
): Promise<StaffMember | undefined> {
  // A disabled account's sessions are deleted when it is disabled; the condition also holds
  // against a session written by a sign-in that raced the disabling.
  return db
    .selectFrom('staff_sessions as x')
    .innerJoin('staff as s', 's.id', 'x.staff_id')
    .select(['s.id', 's.email', 's.role', 's.locale'])
    .where('x.token_hash', '=', params.tokenHash)
    .where('x.expires_ms', '>', params.now)
    .where('s.disabled_ms', 'is', null)
    .executeTakeFirst();
}

/** The account a session belongs to (any, even expired), for the sign-out entry in the audit log. */
export async function findSessionOwner(db: Database, tokenHash: string): Promise<{ id: number; email: string } | undefined> {
  return db
    .selectFrom('staff_sessions as x')
    .innerJoin('staff as s', 's.id', 'x.staff_id')
    .select(['s.id', 's.email'])
    .where('x.token_hash', '=', tokenHash)
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

export interface StaffInvitation {
  id: number;
  email: string;
  role: StaffRole;
  invitedBy: number | null;
  createdMs: number;
  expiresMs: number;
}

export async function insertInvitation(
  db: Database,
  params: { tokenHash: string; email: string; role: StaffRole; invitedBy: number; now: number; expiresMs: number },
): Promise<number> {
  const row = await db
    .insertInto('staff_invitations')
    .values({
      token_hash: params.tokenHash,
      email: params.email,
      role: params.role,
      invited_by: params.invitedBy,
      created_ms: params.now,
      expires_ms: params.expiresMs,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const invitationColumns = [
  'id',
  'email',
  'role',
  'invited_by as invitedBy',
  'created_ms as createdMs',
  'expires_ms as expiresMs',
] as const;

/** The invitation a token's hash opens: not yet used, not revoked, not expired. */
export async function findOpenInvitation(db: Database, params: { tokenHash: string; now: number }): Promise<StaffInvitation | undefined> {
  return db
    .selectFrom('staff_invitations')
    .select(invitationColumns)
    .where('token_hash', '=', params.tokenHash)
    .where('accepted_ms', 'is', null)
    .where('revoked_ms', 'is', null)
    .where('expires_ms', '>', params.now)
    .executeTakeFirst();
}

/** Invitations still waiting for their invitee, newest first. */
export async function listOpenInvitations(db: Database, now: number): Promise<StaffInvitation[]> {
  return db
    .selectFrom('staff_invitations')
    .select(invitationColumns)
    .where('accepted_ms', 'is', null)
    .where('revoked_ms', 'is', null)
    .where('expires_ms', '>', now)
    .orderBy('created_ms', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/**
 * Uses an invitation up, once: true only for the one caller whose update found it still open
 * (a second tab submitting the same link finds it accepted).
 */
export async function closeInvitation(
  db: Database,
  params: { id: number; now: number; as: 'accepted' | 'revoked' },
): Promise<boolean> {
  const result = await db
    .updateTable('staff_invitations')
    .set(params.as === 'accepted' ? { accepted_ms: params.now } : { revoked_ms: params.now })
    .where('id', '=', params.id)
    .where('accepted_ms', 'is', null)
    .where('revoked_ms', 'is', null)
    .where('expires_ms', '>', params.now)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
