import type { Db } from './connection';
import { statement } from './statements';

/** A reader's message as stored (see migration 4). */
export interface NewContactMessage {
  reference: string;
  idempotencyKey: string;
  receivedMs: number;
  locale: string;
  name: string;
  email: string;
  topic: string;
  message: string;
  consentMs: number;
  policyVersion: string;
  ipHash: string;
  userAgent: string;
}

export type InsertOutcome =
  | { kind: 'stored'; id: number; reference: string }
  /** The same form was submitted before: the first message stands. */
  | { kind: 'duplicate'; reference: string }
  | { kind: 'rate-limited'; retryAfterMs: number };

/**
 * Stores a message, all in one write transaction (BEGIN IMMEDIATE): the idempotency check, the
 * per-visitor rate limit and the insert cannot interleave with another submission's, and the
 * message is committed (on disk, in the WAL) before the caller answers the visitor.
 * `afterInsert` runs inside the same transaction (the staff notification goes in the outbox).
 */
export function insertContactMessage(
  db: Db,
  message: NewContactMessage,
  limit: { max: number; windowMs: number },
  afterInsert?: (id: number) => void,
): InsertOutcome {
  return db.transaction((): InsertOutcome => {
    const existing = statement(db, `SELECT reference FROM contact_messages WHERE idempotency_key = ?`).get(
      message.idempotencyKey,
    ) as { reference: string } | undefined;
    if (existing) return { kind: 'duplicate', reference: existing.reference };
    const since = message.receivedMs - limit.windowMs;
    const recent = statement(
      db,
      `SELECT received_ms AS at FROM contact_messages WHERE ip_hash = ? AND received_ms > ? ORDER BY received_ms LIMIT ?`,
    ).all(message.ipHash, since, limit.max) as { at: number }[];
    if (recent.length >= limit.max) {
      return { kind: 'rate-limited', retryAfterMs: recent[0]!.at + limit.windowMs - message.receivedMs };
    }
    const result = statement(
      db,
      `INSERT INTO contact_messages (reference, idempotency_key, received_ms, locale, name, email, topic, message,
         consent_ms, policy_version, ip_hash, user_agent)
       VALUES (@reference, @idempotencyKey, @receivedMs, @locale, @name, @email, @topic, @message,
         @consentMs, @policyVersion, @ipHash, @userAgent)`,
    ).run(message);
    const id = Number(result.lastInsertRowid);
    afterInsert?.(id);
    return { kind: 'stored', id, reference: message.reference };
  }).immediate();
}
