import { cookies } from 'next/headers';
import { type AuditEntry, listAuditEntries } from '../db/audit';
import { getDatabase } from '../db/database';
import { listOpenInvitations, listStaff, type StaffInvitation, type StaffListRow } from '../db/staff';
import { isHttps, publicOrigin } from '../http/origin';
import { AUDIT_ACTIONS, type AuditAction, isAuditAction, type AuditSubjectType } from './audit-actions';
import {
  acceptInvitation,
  changeStaffRole,
  inviteStaff,
  openInvitation,
  revokeInvitation,
  setStaffDisabled,
  setStaffLocale,
} from './manage';
import { adminPaths } from './paths';

/*
 * The staff pages' and forms' entry points on the server's database: lib/staff/manage.ts does
 * the work (and is what the unit tests call with their own databases).
 */

export type { StaffInvitation, StaffListRow } from '../db/staff';
export type { AuditEntry } from '../db/audit';

export const inviteOnServer = async (params: Omit<Parameters<typeof inviteStaff>[1], 'now'>) =>
  inviteStaff(await getDatabase(), { ...params, now: Date.now() });
export const acceptInvitationOnServer = async (params: Omit<Parameters<typeof acceptInvitation>[1], 'now'>) =>
  acceptInvitation(await getDatabase(), { ...params, now: Date.now() });
export const openInvitationOnServer = async (token: string) => openInvitation(await getDatabase(), token, Date.now());
export const revokeInvitationOnServer = async (params: Omit<Parameters<typeof revokeInvitation>[1], 'now'>) =>
  revokeInvitation(await getDatabase(), { ...params, now: Date.now() });
export const changeRoleOnServer = async (params: Omit<Parameters<typeof changeStaffRole>[1], 'now'>) =>
  changeStaffRole(await getDatabase(), { ...params, now: Date.now() });
export const setDisabledOnServer = async (params: Omit<Parameters<typeof setStaffDisabled>[1], 'now'>) =>
  setStaffDisabled(await getDatabase(), { ...params, now: Date.now() });
export const setLocaleOnServer = async (params: Omit<Parameters<typeof setStaffLocale>[1], 'now'>) =>
  setStaffLocale(await getDatabase(), { ...params, now: Date.now() });

/**
 * The new invitation's link travels from the form's handler to the page that shows it in a
 * cookie of its own: only the hash is stored, so the page cannot rebuild the link, and a link
 * in the redirect's address would sit in the browser's history and the server logs. HttpOnly,
 * SameSite=Strict, for /admin/staff only, for ten minutes.
 */
export const INVITATION_COOKIE = 'staff_invitation';
const INVITATION_COOKIE_SECONDS = 600;

export function invitationCookie(request: Request, token: string): string {
  return [
    `${INVITATION_COOKIE}=${token}`,
    `Path=${adminPaths.staff}`,
    `Max-Age=${INVITATION_COOKIE_SECONDS}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(isHttps(request) ? ['Secure'] : []),
  ].join('; ');
}

export interface StaffPage {
  accounts: StaffListRow[];
  invitations: StaffInvitation[];
  /** The invitation just made by this browser, with the link to pass on, while its cookie lasts and it is open. */
  newInvitation: { id: number; email: string; link: string } | null;
}

export async function getStaffPage(): Promise<StaffPage> {
  const db = await getDatabase();
  const now = Date.now();
  const [accounts, invitations] = await Promise.all([listStaff(db), listOpenInvitations(db, now)]);
  const token = (await cookies()).get(INVITATION_COOKIE)?.value;
  const open = token ? await openInvitation(db, token, now) : undefined;
  return {
    accounts,
    invitations,
    newInvitation: open && token ? { id: open.id, email: open.email, link: `${publicOrigin()}${adminPaths.invitation(token)}` } : null,
  };
}

export const AUDIT_PAGE_SIZE = 50;

export interface AuditQueryParams {
  action?: AuditAction;
  actorId?: number;
  before?: number;
}

/** The audit page's filters from its query string; anything unknown is left out rather than refused. */
export function parseAuditQuery(params: Record<string, string | string[] | undefined>): AuditQueryParams {
  const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const integer = (value: string | undefined) => (value && /^[1-9]\d{0,15}$/.test(value) ? Number(value) : undefined);
  const action = one(params.action);
  return { action: isAuditAction(action) ? action : undefined, actorId: integer(one(params.actor)), before: integer(one(params.before)) };
}

export function auditHref(query: AuditQueryParams): string {
  const search = new URLSearchParams();
  if (query.action) search.set('action', query.action);
  if (query.actorId !== undefined) search.set('actor', String(query.actorId));
  if (query.before !== undefined) search.set('before', String(query.before));
  const text = search.toString();
  return text ? `${adminPaths.audit}?${text}` : adminPaths.audit;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** The next (older) page's query, when there is one. */
  older: AuditQueryParams | null;
  actors: { id: number; email: string }[];
  actions: readonly AuditAction[];
}

export async function getAuditPage(query: AuditQueryParams): Promise<AuditPage> {
  const db = await getDatabase();
  const [page, accounts] = await Promise.all([listAuditEntries(db, { ...query, limit: AUDIT_PAGE_SIZE }), listStaff(db)]);
  const last = page.entries.at(-1);
  return {
    entries: page.entries,
    older: page.more && last ? { ...query, before: last.id } : null,
    actors: accounts.map(({ id, email }) => ({ id, email })),
    actions: AUDIT_ACTIONS,
  };
}

/** One subject's history (an article's, for its page in the editor), newest first. */
export async function getSubjectAudit(subject: { type: AuditSubjectType; id: string | number }, limit = 100): Promise<AuditEntry[]> {
  return (await listAuditEntries(await getDatabase(), { subject, limit })).entries;
}

const STAFF_NOTICES = {
  invited: 'done',
  roleChanged: 'done',
  disabled: 'done',
  enabled: 'done',
  revoked: 'done',
  exists: 'error',
  invalidEmail: 'error',
  lastAdmin: 'error',
  notRevoked: 'error',
} as const;
export type StaffNotice = keyof typeof STAFF_NOTICES;

/** The outcome a staff form's redirect names (`?notice=`), or null for anything else. */
export function parseStaffNotice(value: unknown): { name: StaffNotice; kind: 'done' | 'error' } | null {
  return typeof value === 'string' && Object.hasOwn(STAFF_NOTICES, value)
    ? { name: value as StaffNotice, kind: STAFF_NOTICES[value as StaffNotice] }
    : null;
}

export const INVITE_NOTICES = ['short', 'mismatch', 'exists'] as const;
export type InviteNotice = (typeof INVITE_NOTICES)[number];
export function parseInviteNotice(value: unknown): InviteNotice | null {
  return (INVITE_NOTICES as readonly unknown[]).includes(value) ? (value as InviteNotice) : null;
}
