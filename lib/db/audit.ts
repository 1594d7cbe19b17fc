import type { AuditAction, AuditSubjectType } from '../staff/audit-actions';
import type { Database } from './database';

/**
 * The audit log: one row per thing a person did in the staff area. Callers write it with the
 * same `db` (transaction) as the change itself, so a change is never without its entry, nor an
 * entry without its change.
 */

export interface AuditEntryInput {
  actorId: number | null;
  /** Kept beside the id: the entry still says who after the account is removed. */
  actorEmail: string | null;
  action: AuditAction;
  subject?: { type: AuditSubjectType; id: string | number };
  detail?: Record<string, unknown>;
  now: number;
}

export interface AuditEntry {
  id: number;
  atMs: number;
  actorId: number | null;
  actorEmail: string | null;
  action: AuditAction;
  subjectType: AuditSubjectType | null;
  subjectId: string | null;
  detail: Record<string, unknown>;
}

export async function recordAudit(db: Database, entry: AuditEntryInput): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at_ms: entry.now,
      actor_id: entry.actorId,
      actor_email: entry.actorEmail,
      action: entry.action,
      subject_type: entry.subject?.type ?? null,
      subject_id: entry.subject === undefined ? null : String(entry.subject.id),
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}

export interface AuditQuery {
  action?: AuditAction;
  actorId?: number;
  subject?: { type: AuditSubjectType; id: string | number };
  /** Entries with an id below this one (the previous page's last): newest first, stable while new ones arrive. */
  before?: number;
  limit: number;
}

/** Newest first (ids grow with time), one page of `limit` and whether there are more. */
export async function listAuditEntries(db: Database, query: AuditQuery): Promise<{ entries: AuditEntry[]; more: boolean }> {
  let select = db
    .selectFrom('audit_log')
    .select(['id', 'at_ms', 'actor_id', 'actor_email', 'action', 'subject_type', 'subject_id', 'detail'])
    .orderBy('id', 'desc')
    .limit(query.limit + 1);
  if (query.action) select = select.where('action', '=', query.action);
  if (query.actorId !== undefined) select = select.where('actor_id', '=', query.actorId);
  if (query.subject) {
    select = select.where('subject_type', '=', query.subject.type).where('subject_id', '=', String(query.subject.id));
  }
  if (query.before !== undefined) select = select.where('id', '<', query.before);
  const rows = await select.execute();
  return {
    more: rows.length > query.limit,
    entries: rows.slice(0, query.limit).map((row) => ({
      id: row.id,
      atMs: row.at_ms,
      actorId: row.actor_id,
      actorEmail: row.actor_email,
      action: row.action as AuditAction,
      subjectType: row.subject_type as AuditSubjectType | null,
      subjectId: row.subject_id,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
    })),
  };
}
