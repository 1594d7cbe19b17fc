import { type Database, engineOf } from './database';

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

export async function insertOutboxMail(
  db: Database,
  params: { messageId: number | null; recipients: string; subject: string; body: string; now: number },
): Promise<number> {
  const row = await db
    .insertInto('mail_outbox')
    .values({
      message_id: params.messageId,
      recipients: params.recipients,
      subject: params.subject,
      body: params.body,
      created_ms: params.now,
      next_attempt_ms: params.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Takes up to `limit` due mails and pushes their next attempt to `leaseUntil`, in one
 * transaction: another sender (a second process or instance) does not pick them up meanwhile,
 * and a sender that dies mid-way leaves them to be retried after the lease. SQLite's
 * transaction holds the whole database; on PostgreSQL the rows are locked as they are read, and
 * a sender claiming at the same moment skips them (FOR UPDATE SKIP LOCKED) and takes others, or
 * finds them leased once the first commits. (No advisory lock, as writeTransaction would take:
 * it would make every sender wait for the one claiming.)
 */
export async function claimDueMail(
  db: Database,
  params: { now: number; leaseUntil: number; limit: number },
): Promise<OutboxMail[]> {
  return db.transaction().execute(async (trx) => {
    let due = trx
      .selectFrom('mail_outbox')
      .select(['id', 'recipients', 'subject', 'body', 'attempts'])
      .where('sent_ms', 'is', null)
      .where('next_attempt_ms', '<=', params.now)
      .orderBy('next_attempt_ms')
      .orderBy('id')
      .limit(params.limit);
    if (engineOf(trx) === 'postgres') due = due.forUpdate().skipLocked();
    const rows = await due.execute();
    if (rows.length > 0) {
      await trx
        .updateTable('mail_outbox')
        .set({ next_attempt_ms: params.leaseUntil })
        .where('id', 'in', rows.map((row) => row.id))
        .execute();
    }
    return rows;
  });
}

export async function markMailSent(db: Database, params: { id: number; now: number }): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set((eb) => ({ sent_ms: params.now, attempts: eb('attempts', '+', 1), last_error: null }))
    .where('id', '=', params.id)
    .execute();
}

export async function markMailFailed(db: Database, params: { id: number; error: string; nextAttemptMs: number }): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), last_error: params.error, next_attempt_ms: params.nextAttemptMs }))
    .where('id', '=', params.id)
    .execute();
}
