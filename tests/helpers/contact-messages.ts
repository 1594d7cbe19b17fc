import crypto from 'node:crypto';
import type { Database } from '@/lib/db/database';
import type { MessageStatus, MessageTopic } from '@/lib/staff/inbox-types';

/**
 * Stores a reader's message as the public contact form would, straight into contact_messages
 * (no token, rate limit or notification). Works on either
 * engine, and on a connection to the e2e server's database file (lib/db/database.ts's
 * sqliteDatabase over it).
 */
export interface TestMessage {
  reference?: string;
  receivedMs?: number;
  locale?: 'en' | 'zh';
  name?: string;
  email?: string;
  topic?: MessageTopic;
  message?: string;
  status?: MessageStatus;
}

let counter = 0;

export async function insertTestMessage(db: Database, overrides: TestMessage = {}): Promise<{ id: number; reference: string }> {
  counter += 1;
  const reference = overrides.reference ?? `MSG-T${String(counter).padStart(4, '0')}-${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
  const receivedMs = overrides.receivedMs ?? Date.now();
  const { id } = await db
    .insertInto('contact_messages')
    .values({
      reference,
      idempotency_key: crypto.randomUUID(),
      received_ms: receivedMs,
      locale: overrides.locale ?? 'en',
      name: overrides.name ?? 'Li Wei',
      email: overrides.email ?? 'li.wei@example.com',
      topic: overrides.topic ?? 'general',
      message: overrides.message ?? 'Hello newsroom',
      consent_ms: receivedMs,
      policy_version: '2026-11',
      ip_hash: 'test',
      status: overrides.status ?? 'new',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, reference };
}
