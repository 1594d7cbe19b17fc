import crypto from 'node:crypto';
import type Database from 'better-sqlite3';
import type { MessageStatus, MessageTopic } from '@/lib/staff/inbox-types';

/**
 * Stores a reader's message the way the public contact form does, straight into
 * contact_messages (the form's own code lives on another branch). Works on the unit tests'
 * connection and on a connection to the e2e server's database file.
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

export function insertTestMessage(db: Database.Database, overrides: TestMessage = {}): { id: number; reference: string } {
  counter += 1;
  const reference = overrides.reference ?? `MSG-T${String(counter).padStart(4, '0')}-${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
  const receivedMs = overrides.receivedMs ?? Date.now();
  const result = db
    .prepare(
      `INSERT INTO contact_messages
        (reference, idempotency_key, received_ms, locale, name, email, topic, message, consent_ms, policy_version, ip_hash, status)
       VALUES (@reference, @key, @receivedMs, @locale, @name, @email, @topic, @message, @receivedMs, '2026-11', 'test', @status)`,
    )
    .run({
      reference,
      key: crypto.randomUUID(),
      receivedMs,
      locale: overrides.locale ?? 'en',
      name: overrides.name ?? 'Li Wei',
      email: overrides.email ?? 'li.wei@example.com',
      topic: overrides.topic ?? 'general',
      message: overrides.message ?? 'Hello newsroom',
      status: overrides.status ?? 'new',
    });
  return { id: Number(result.lastInsertRowid), reference };
}
