import type { InboxMessage, MessageStatus } from '../staff/inbox-types';
import type { Db } from './connection';
import { statement } from './statements';

/** Readers' messages as staff see them: the inbox list, search, one message, status changes. */

export interface InboxFilter {
  q?: string;
  status?: MessageStatus;
}

const COLUMNS = `id, reference, received_ms AS receivedMs, locale, name, email, topic, message, status,
  status_changed_ms AS statusChangedMs`;

/** A LIKE pattern that matches `text` literally anywhere: %, _ and the escape character lose their meaning. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function where(filter: InboxFilter): { sql: string; params: Record<string, string> } {
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  const q = filter.q?.trim();
  if (q) {
    params.q = likeContains(q);
    clauses.push(
      `(name LIKE @q ESCAPE '\\' OR email LIKE @q ESCAPE '\\' OR message LIKE @q ESCAPE '\\' OR reference LIKE @q ESCAPE '\\')`,
    );
  }
  if (filter.status) {
    params.status = filter.status;
    clauses.push('status = @status');
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** One page of messages, newest first, and how many match in all. */
export function listInboxMessages(
  db: Db,
  filter: InboxFilter & { page: number; perPage: number },
): { items: InboxMessage[]; total: number } {
  const { sql, params } = where(filter);
  const total = (statement(db, `SELECT COUNT(*) AS n FROM contact_messages ${sql}`).get(params) as { n: number }).n;
  const items = statement(
    db,
    `SELECT ${COLUMNS} FROM contact_messages ${sql} ORDER BY received_ms DESC, id DESC LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: filter.perPage, offset: (filter.page - 1) * filter.perPage }) as InboxMessage[];
  return { items, total };
}

/** Every matching message, newest first, one at a time (for the CSV export). */
export function iterateInboxMessages(db: Db, filter: InboxFilter): IterableIterator<InboxMessage> {
  const { sql, params } = where(filter);
  return statement(db, `SELECT ${COLUMNS} FROM contact_messages ${sql} ORDER BY received_ms DESC, id DESC`).iterate(
    params,
  ) as IterableIterator<InboxMessage>;
}

export function findInboxMessage(db: Db, reference: string): InboxMessage | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM contact_messages WHERE reference = ?`).get(reference) as
    | InboxMessage
    | undefined;
}

export function findInboxMessageById(db: Db, id: number): InboxMessage | undefined {
  return statement(db, `SELECT ${COLUMNS} FROM contact_messages WHERE id = ?`).get(id) as InboxMessage | undefined;
}

/** Sets a message's status; `onlyFrom` makes it conditional (opening a new message marks it read, nothing else). */
export function setMessageStatus(
  db: Db,
  params: { reference: string; status: MessageStatus; now: number; onlyFrom?: MessageStatus },
): boolean {
  const result = statement(
    db,
    `UPDATE contact_messages SET status = @status, status_changed_ms = @now
     WHERE reference = @reference AND (@onlyFrom IS NULL OR status = @onlyFrom)`,
  ).run({ ...params, onlyFrom: params.onlyFrom ?? null });
  return result.changes > 0;
}
