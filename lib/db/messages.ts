import type { Database } from './database';
import { uniqueViolation, writeTransaction } from './engine';

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
  | { kind: 'rate-limited'; retryAfterMs: number }
  /** Another message already has this reference (random, so rarely): nothing stored, try another. */
  | { kind: 'reference-taken' };

/**
 * Stores a message, all in one write transaction: the idempotency check, the per-visitor rate
 * limit and the insert cannot interleave with another submission's, and the message is
 * committed before the caller answers the visitor. `afterInsert` runs inside the same
 * transaction (the staff notification goes in the outbox).
 *
 * SQLite's transaction holds the whole database. On PostgreSQL it takes two advisory locks:
 * the visitor's (two of their submissions are counted one after the other, on any instance)
 * and the idempotency key's (a retry of the same form from another address waits for the first
 * copy and then finds it). Always in that order, and the key's lock is the last wanted, so two
 * submissions never wait for each other in a circle. Should a copy slip in anyway, the unique
 * index on idempotency_key refuses the second and it is answered as the duplicate it is.
 */
export async function insertContactMessage(
  db: Database,
  message: NewContactMessage,
  limit: { max: number; windowMs: number },
  afterInsert?: (trx: Database, id: number) => Promise<void>,
): Promise<InsertOutcome> {
  try {
    return await writeTransaction(db, `contact-visitor:${message.ipHash}`, (visitorTrx) =>
      writeTransaction(visitorTrx, `contact-key:${message.idempotencyKey}`, async (trx): Promise<InsertOutcome> => {
        const existing = await findByIdempotencyKey(trx, message.idempotencyKey);
        if (existing) return { kind: 'duplicate', reference: existing.reference };
        const recent = await trx
          .selectFrom('contact_messages')
          .select('received_ms as at')
          .where('ip_hash', '=', message.ipHash)
          .where('received_ms', '>', message.receivedMs - limit.windowMs)
          .orderBy('received_ms')
          .limit(limit.max)
          .execute();
        if (recent.length >= limit.max) {
          return { kind: 'rate-limited', retryAfterMs: recent[0]!.at + limit.windowMs - message.receivedMs };
        }
        const { id } = await trx
          .insertInto('contact_messages')
          .values({
            reference: message.reference,
            idempotency_key: message.idempotencyKey,
            received_ms: message.receivedMs,
            locale: message.locale,
            name: message.name,
            email: message.email,
            topic: message.topic,
            message: message.message,
            consent_ms: message.consentMs,
            policy_version: message.policyVersion,
            ip_hash: message.ipHash,
            user_agent: message.userAgent,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await afterInsert?.(trx, id);
        return { kind: 'stored', id, reference: message.reference };
      }),
    );
  } catch (error) {
    const detail = uniqueViolation(error)?.detail ?? '';
    // The key is checked first inside the transaction, so a taken reference is a fresh form.
    if (detail.includes('reference')) return { kind: 'reference-taken' };
    if (!detail.includes('idempotency_key')) throw error;
    const first = await findByIdempotencyKey(db, message.idempotencyKey);
    if (!first) throw error;
    return { kind: 'duplicate', reference: first.reference };
  }
}

function findByIdempotencyKey(db: Database, key: string): Promise<{ reference: string } | undefined> {
  return db.selectFrom('contact_messages').select('reference').where('idempotency_key', '=', key).executeTakeFirst();
}
