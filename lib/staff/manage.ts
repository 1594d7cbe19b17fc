import crypto from 'node:crypto';
import { z } from 'zod';
import { recordAudit } from '../db/audit';
import type { Database } from '../db/database';
import { uniqueViolation, writeTransaction } from '../db/engine';
import {
  closeInvitation,
  countActiveAdmins,
  findOpenInvitation,
  findStaffByEmail,
  findStaffById,
  insertInvitation,
  insertStaff,
  type StaffInvitation,
  updateStaffDisabled,
  updateStaffLocale,
  updateStaffRole,
} from '../db/staff';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password';
import { STAFF_LOCALES, STAFF_ROLES, type StaffLocale, type StaffMember, type StaffRole } from './roles';

/**
 * Managing staff accounts in the browser (issue 17 item 1): invitations, roles, disabling, the
 * account's language. Each change and its audit entry are one transaction. The caller has
 * checked the session, the Origin and `can(role, 'staff.manage')`; the rules that hold
 * whoever asks (the last admin stays) are checked here.
 */

export const INVITATION_DAYS = 7;
/** Every staff write that reads the admins first takes this one lock (PostgreSQL), so two admins demoting each other cannot both succeed. */
const STAFF_LOCK = 'staff-accounts';

export const inviteFormSchema = z.object({ email: z.string().trim().max(254).pipe(z.email()), role: z.enum(STAFF_ROLES) });
export const roleFormSchema = z.object({ role: z.enum(STAFF_ROLES) });
export const statusFormSchema = z.object({ status: z.enum(['disabled', 'active']) });
export const localeFormSchema = z.object({ locale: z.enum(STAFF_LOCALES), return: z.string().max(2000).optional() });
export const acceptFormSchema = z.object({ password: z.string().max(1000), confirm: z.string().max(1000) });

export function hashInvitationToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

type Actor = Pick<StaffMember, 'id' | 'email'>;

export type InviteResult = { ok: true; id: number; token: string; expiresMs: number } | { ok: false; reason: 'exists' };

/** A one-time link for `email` to become a `role`: the token is returned once and only its hash kept. */
export async function inviteStaff(db: Database, params: { actor: Actor; email: string; role: StaffRole; now: number }): Promise<InviteResult> {
  const token = crypto.randomBytes(32).toString('base64url');
  const expiresMs = params.now + INVITATION_DAYS * 86_400_000;
  return writeTransaction(db, STAFF_LOCK, async (trx) => {
    if (await findStaffByEmail(trx, params.email)) return { ok: false, reason: 'exists' } as const;
    const id = await insertInvitation(trx, {
      tokenHash: hashInvitationToken(token),
      email: params.email,
      role: params.role,
      invitedBy: params.actor.id,
      now: params.now,
      expiresMs,
    });
    await recordAudit(trx, {
      actorId: params.actor.id,
      actorEmail: params.actor.email,
      action: 'staff.invite',
      subject: { type: 'invitation', id },
      detail: { email: params.email, role: params.role },
      now: params.now,
    });
    return { ok: true, id, token, expiresMs } as const;
  });
}

/** The open invitation a link's token names, if it is still open. */
export async function openInvitation(db: Database, token: string, now: number): Promise<StaffInvitation | undefined> {
  if (!token || token.length > 100) return undefined;
  return findOpenInvitation(db, { tokenHash: hashInvitationToken(token), now });
}

export type AcceptResult =
  | { ok: true; staffId: number }
  | { ok: false; reason: 'gone' | 'short' | 'mismatch' | 'exists' };

/** Sets the invitee's password and makes the account; the invitation is used up in the same transaction. */
export async function acceptInvitation(
  db: Database,
  params: { token: string; password: string; confirm: string; now: number },
): Promise<AcceptResult> {
  if (!(await openInvitation(db, params.token, params.now))) return { ok: false, reason: 'gone' };
  if ([...params.password].length < MIN_PASSWORD_LENGTH) return { ok: false, reason: 'short' };
  if (params.password !== params.confirm) return { ok: false, reason: 'mismatch' };
  const passwordHash = await hashPassword(params.password);
  try {
    return await writeTransaction(db, STAFF_LOCK, async (trx) => {
      // Read again under the lock: a second tab may have used the link while the hash was made.
      const invitation = await openInvitation(trx, params.token, params.now);
      if (!invitation || !(await closeInvitation(trx, { id: invitation.id, now: params.now, as: 'accepted' }))) {
        return { ok: false, reason: 'gone' } as const;
      }
      if (await findStaffByEmail(trx, invitation.email)) return { ok: false, reason: 'exists' } as const;
      const staffId = await insertStaff(trx, {
        email: invitation.email,
        passwordHash,
        role: invitation.role,
        invitedBy: invitation.invitedBy,
        now: params.now,
      });
      await recordAudit(trx, {
        actorId: staffId,
        actorEmail: invitation.email,
        action: 'staff.inviteAccepted',
        subject: { type: 'staff', id: staffId },
        detail: { invitation: invitation.id, role: invitation.role },
        now: params.now,
      });
      return { ok: true, staffId } as const;
    });
  } catch (error) {
    // The same address made at the command line between the check and the insert.
    if (uniqueViolation(error)) return { ok: false, reason: 'exists' };
    throw error;
  }
}

export async function revokeInvitation(db: Database, params: { actor: Actor; id: number; now: number }): Promise<boolean> {
  return writeTransaction(db, STAFF_LOCK, async (trx) => {
    if (!(await closeInvitation(trx, { id: params.id, now: params.now, as: 'revoked' }))) return false;
    await recordAudit(trx, {
      actorId: params.actor.id,
      actorEmail: params.actor.email,
      action: 'staff.inviteRevoked',
      subject: { type: 'invitation', id: params.id },
      now: params.now,
    });
    return true;
  });
}

export type StaffChangeResult = { ok: true } | { ok: false; reason: 'notFound' | 'lastAdmin' };

/** A new role; refused when it would leave no admin who can sign in. */
export async function changeStaffRole(
  db: Database,
  params: { actor: Actor; id: number; role: StaffRole; now: number },
): Promise<StaffChangeResult> {
  return writeTransaction(db, STAFF_LOCK, async (trx) => {
    const account = await findStaffById(trx, params.id);
    if (!account) return { ok: false, reason: 'notFound' } as const;
    if (account.role === params.role) return { ok: true } as const;
    if (account.role === 'admin' && account.disabledMs === null && (await countActiveAdmins(trx, { except: account.id })) === 0) {
      return { ok: false, reason: 'lastAdmin' } as const;
    }
    await updateStaffRole(trx, { id: account.id, role: params.role });
    await recordAudit(trx, {
      actorId: params.actor.id,
      actorEmail: params.actor.email,
      action: 'staff.roleChange',
      subject: { type: 'staff', id: account.id },
      detail: { email: account.email, from: account.role, to: params.role },
      now: params.now,
    });
    return { ok: true } as const;
  });
}

/** Disables (its sessions end at once) or enables an account; the last active admin cannot be disabled. */
export async function setStaffDisabled(
  db: Database,
  params: { actor: Actor; id: number; disabled: boolean; now: number },
): Promise<StaffChangeResult> {
  return writeTransaction(db, STAFF_LOCK, async (trx) => {
    const account = await findStaffById(trx, params.id);
    if (!account) return { ok: false, reason: 'notFound' } as const;
    if ((account.disabledMs !== null) === params.disabled) return { ok: true } as const;
    if (params.disabled && account.role === 'admin' && (await countActiveAdmins(trx, { except: account.id })) === 0) {
      return { ok: false, reason: 'lastAdmin' } as const;
    }
    await updateStaffDisabled(trx, { id: account.id, disabledMs: params.disabled ? params.now : null });
    await recordAudit(trx, {
      actorId: params.actor.id,
      actorEmail: params.actor.email,
      action: params.disabled ? 'staff.disable' : 'staff.enable',
      subject: { type: 'staff', id: account.id },
      detail: { email: account.email },
      now: params.now,
    });
    return { ok: true } as const;
  });
}

export async function setStaffLocale(db: Database, params: { actor: Actor; locale: StaffLocale; now: number }): Promise<void> {
  await writeTransaction(db, STAFF_LOCK, async (trx) => {
    await updateStaffLocale(trx, { id: params.actor.id, locale: params.locale });
    await recordAudit(trx, {
      actorId: params.actor.id,
      actorEmail: params.actor.email,
      action: 'staff.localeChange',
      subject: { type: 'staff', id: params.actor.id },
      detail: { locale: params.locale },
      now: params.now,
    });
  });
}

/** An account's or invitation's id from an address segment, or null for anything else. */
export function parseStaffId(segment: string): number | null {
  return /^[1-9]\d{0,15}$/.test(segment) ? Number(segment) : null;
}
