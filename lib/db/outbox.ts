import type { Db } from './connection';
import { statement } from './statements';

/**
 * The mail outbox: a notification is a row, written in the same transaction as the message it
 * is about, and only marked sent after the mail server accepted it. A failure never deletes a
 * row; it moves its next attempt later.
 */

export interface OutboxMail {
  id: number;
  recipients: string;
  subject: string;
  body: string;
  attempts: number;
}

export function insertOutboxMail(
  db: Db,
  params: { messageId: number | null; recipients: string; subject: string; body: string; now: number },
): number {
  const result = statement(
    db,
    `INSERT INTO mail_outbox (message_id, recipients, subject, body, created_ms, next_attempt_ms)
     VALUES (@messageId, @recipients, @subject, @body, @now, @now)`,
  ).run(params);
  return Number(result.lastInsertRowid);
}

/**
 * Takes up to `limit` due mails and pushes their next attempt to `leaseUntil`, in one
 * transaction: another sender (a second process) does not pick them up meanwhile, and a
 * sender that dies mid-way leaves them to be retried after the lease.
 */
export function claimDueMail(db: Db, params: { now: number; leaseUntil: number; limit: number }): OutboxMail[] {
  return db.transaction(() => {
    const rows = statement(
      db,
      `SELECT id, recipients, subject, body, attempts FROM mail_outbox
       WHERE sent_ms IS NULL AND next_attempt_ms <= @now ORDER BY next_attempt_ms, id LIMIT @limit`,
    ).all({ now: params.now, limit: params.limit }) as OutboxMail[];
    const lease = statement(db, 'UPDATE mail_outbox SET next_attempt_ms = ? WHERE id = ?');
    for (const row of rows) lease.run(params.leaseUntil, row.id);
    return rows;
  }).immediate();
}

export function markMailSent(db: Db, params: { id: number; now: number }): void {
  statement(db, 'UPDATE mail_outbox SET sent_ms = @now, attempts = attempts + 1, last_error = NULL WHERE id = @id').run(
    params,
  );
}

export function markMailFailed(db: Db, params: { id: number; error: string; nextAttemptMs: number }): void {
  statement(
    db,
    `UPDATE mail_outbox SET attempts = attempts + 1, last_error = @error, next_attempt_ms = @nextAttemptMs
     WHERE id = @id`,
  ).run(params);
}
