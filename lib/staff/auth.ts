import crypto from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../db/database';
import {
  clearSignInFailures,
  countSignInFailures,
  deleteStaffSession,
  findSessionStaff,
  findStaffByEmail,
  insertSignInFailures,
  insertStaffSession,
} from '../db/staff';
import { keyedHash } from '../secrets';
import { decoyPasswordHash, verifyPassword } from './password';

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
  | { ok: true; token: string; expiresMs: number; staff: { id: number; email: string } }
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
  // Throttled before the password is looked at, the same way for known and unknown names.
  if (await isThrottled(db, keys, since)) return { ok: false, reason: 'throttled' };
  const account = await findStaffByEmail(db, params.email.trim());
  // Unknown names cost a hash check too, so timing does not tell which accounts exist.
  const valid = await verifyPassword(params.password, account?.passwordHash ?? (await decoyPasswordHash()));
  if (!account || !valid) {
    await insertSignInFailures(db, { keys: [keys.email, keys.ip, keys.pair], now: params.now });
    return { ok: false, reason: 'invalid' };
  }
  // The owner's own mistakes are forgiven; the account's count stays, so an attack on it goes
  // on being answered as one after the owner has signed in.
  await clearSignInFailures(db, keys.pair);
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresMs = params.now + SESSION_SECONDS * 1000;
  await insertStaffSession(db, { tokenHash: hashSessionToken(token), staffId: account.id, now: params.now, expiresMs });
  return { ok: true, token, expiresMs, staff: { id: account.id, email: account.email } };
}

export async function staffForSession(
  db: Database,
  token: string | undefined,
  now: number,
): Promise<{ id: number; email: string } | undefined> {
  if (!token || token.length > 100) return undefined;
  return findSessionStaff(db, { tokenHash: hashSessionToken(token), now });
}

export async function signOut(db: Database, token: string | undefined): Promise<void> {
  if (token) await deleteStaffSession(db, hashSessionToken(token));
}
