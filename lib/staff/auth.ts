import crypto from 'node:crypto';
import { z } from 'zod';
import { recordAudit } from '../db/audit';
import type { Database } from '../db/database';
import { writeTransaction } from '../db/engine';
import {
  clearSignInFailures,
  countSignInFailures,
  deleteStaffSession,
  findSessionOwner,
  findSessionStaff,
  findStaffByEmail,
  insertSignInFailures,
  insertStaffSession,
  markStaffSignedIn,
} from '../db/staff';
import { keyedHash } from '../secrets';
import { decoyPasswordHash, verifyPassword } from './password';
import type { StaffMember } from './roles';

/**
 * Signing staff in and out, without Next.js: the route handlers and lib/staff/session.ts add
 * the cookie. Only a session token's SHA-256 is stored, so a copy of the database does not
 * let anyone in.
 */

export const SESSION_SECONDS = 8 * 60 * 60;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** Failures allowed per account name in the window, before the addresses that made them are refused. */
export const MAX_FAILURES_PER_EMAIL = 5;
/**
 * Failures allowed per address in the window. Higher than per account: colleagues behind one
 * office address mistyping should not lock each other out; guessing is still bounded per account.
 */
export const MAX_FAILURES_PER_IP = 20;

/**
 * The login form's body. Too long a value is answered like a wrong password (the form again,
 * with the same notice), never with a hint of which limit it passed.
 */
export const signInFormSchema = z.object({ email: z.string().max(254), password: z.string().max(1000) });

export type SignInResult =
  | { ok: true; token: string; expiresMs: number; staff: StaffMember }
  | { ok: false; reason: 'invalid' | 'throttled' };

export function hashSessionToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** A sign-in name as the failure counter (and the log) knows it: a keyed hash, never the address. */
export function accountHash(email: string): string {
  return keyedHash('staff-sign-in', email.trim().toLowerCase());
}

function failureKeys(email: string, ipHash: string) {
  const account = accountHash(email);
  return { email: `email:${account}`, ip: `ip:${ipHash}`, pair: `pair:${account}:${ipHash}` };
}

/**
 * Whether this attempt is refused before the password is looked at (docs/decisions/0007):
 * an address that failed too often on any accounts, or an account under attack from an
 * address that has itself failed on it. An address that has not failed on the account may
 * still try, so a stranger's guesses never lock the owner out of their own account; each
 * such address gets one guess while the account stays over its limit.
 */
async function isThrottled(db: Database, keys: ReturnType<typeof failureKeys>, since: number): Promise<boolean> {
  if ((await countSignInFailures(db, { key: keys.ip, since })) >= MAX_FAILURES_PER_IP) return true;
  if ((await countSignInFailures(db, { key: keys.email, since })) < MAX_FAILURES_PER_EMAIL) return false;
  return (await countSignInFailures(db, { key: keys.pair, since })) > 0;
}

export async function signIn(
  db: Database,
  params: { email: string; password: string; ipHash: string; now: number },
): Promise<SignInResult> {
  const keys = failureKeys(params.email, params.ipHash);
  const since = params.now - FAILURE_WINDOW_MS;
  // The log names the attempt by its keyed hash, never by what was typed (a password typed
  // into the address field must not be kept).
  const failed = async (on: Database, reason: 'invalid' | 'throttled' | 'disabled', accountId?: number) =>
    recordAudit(on, {
      actorId: null,
      actorEmail: null,
      action: 'staff.signInFailed',
      subject: accountId === undefined ? undefined : { type: 'staff', id: accountId },
      detail: { reason, account: accountHash(params.email).slice(0, 16), client: params.ipHash.slice(0, 16) },
      now: params.now,
    });
  // Throttled before the password is looked at, the same way for known and unknown names.
  if (await isThrottled(db, keys, since)) {
    await failed(db, 'throttled');
    return { ok: false, reason: 'throttled' };
  }
  const account = await findStaffByEmail(db, params.email.trim());
  // Unknown names cost a hash check too, so timing does not tell which accounts exist.
  const valid = await verifyPassword(params.password, account?.passwordHash ?? (await decoyPasswordHash()));
  if (!account || !valid) {
    await writeTransaction(db, 'staff-sign-in', async (trx) => {
      await insertSignInFailures(trx, { keys: [keys.email, keys.ip, keys.pair], now: params.now });
      await failed(trx, 'invalid', account?.id);
    });
    return { ok: false, reason: 'invalid' };
  }
  // A disabled account hears what a wrong password hears: the form does not tell who is disabled.
  if (account.disabledMs !== null) {
    await failed(db, 'disabled', account.id);
    return { ok: false, reason: 'invalid' };
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresMs = params.now + SESSION_SECONDS * 1000;
  await writeTransaction(db, 'staff-sign-in', async (trx) => {
    // The owner's own mistakes are forgiven; the account's count stays, so an attack on it goes
    // on being answered as one after the owner has signed in.
    await clearSignInFailures(trx, keys.pair);
    await insertStaffSession(trx, { tokenHash: hashSessionToken(token), staffId: account.id, now: params.now, expiresMs });
    await markStaffSignedIn(trx, { id: account.id, now: params.now });
    await recordAudit(trx, {
      actorId: account.id,
      actorEmail: account.email,
      action: 'staff.signIn',
      subject: { type: 'staff', id: account.id },
      detail: { client: params.ipHash.slice(0, 16) },
      now: params.now,
    });
  });
  return { ok: true, token, expiresMs, staff: { id: account.id, email: account.email, role: account.role, locale: account.locale } };
}

export async function staffForSession(
  db: Database,
  token: string | undefined,
  now: number,
): Promise<StaffMember | undefined> {
  if (!token || token.length > 100) return undefined;
  return findSessionStaff(db, { tokenHash: hashSessionToken(token), now });
}

export async function signOut(db: Database, token: string | undefined, now: number = Date.now()): Promise<void> {
  if (!token || token.length > 100) return;
  const tokenHash = hashSessionToken(token);
  await writeTransaction(db, 'staff-sign-out', async (trx) => {
    const owner = await findSessionOwner(trx, tokenHash);
    if (!owner) return;
    await deleteStaffSession(trx, tokenHash);
    await recordAudit(trx, { actorId: owner.id, actorEmail: owner.email, action: 'staff.signOut', subject: { type: 'staff', id: owner.id }, now });
  });
}
