import type { InboxMessage, MessageStatus } from '../staff/inbox-types';
import type { Database } from './database';
import { containsText } from './engine';

/** Readers' messages as staff see them: the inbox list, search, one message, status changes. */

export interface InboxFilter {
  q?: string;
  status?: MessageStatus;
}

const COLUMNS = [
  'id',
  'reference',
  'received_ms as receivedMs',
  'locale',
  'name',
  'email',
  'topic',
  'message',
  'status',
  'status_changed_ms as statusChangedMs',
] as const;

/** What the search box looks in. */
const SEARCHED = ['name', 'email', 'message', 'reference'] as const;

/** The messages a filter matches: `q` anywhere in the searched columns (ignoring case), and the status. */
function matching(db: Database, filter: InboxFilter) {
  let query = db.selectFrom('contact_messages');
  const q = filter.q?.trim();
  if (q) query = query.where((eb) => eb.or(SEARCHED.map((column) => containsText(db, eb.ref(column), q))));
  if (filter.status) query = query.where('status', '=', filter.status);
  return query;
}

/** The matching messages' columns, newest first (the order of contact_messages_by_time and _by_status). */
function newestFirst(query: ReturnType<typeof matching>) {
  return query.select(COLUMNS).$castTo<InboxMessage>().orderBy('received_ms', 'desc').orderBy('id', 'desc');
}

/** One page of messages, newest first, and how many match in all. */
export async function listInboxMessages(
  db: Database,
  filter: InboxFilter & { page: number; perPage: number },
): Promise<{ items: InboxMessage[]; total: number }> {
  const query = matching(db, filter);
  const [count, items] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    newestFirst(query)
      .limit(filter.perPage)
      .offset((filter.page - 1) * filter.perPage)
      .execute(),
  ]);
  return { items, total: count.n };
}

/**
 * Every matching message, newest first (for the CSV export). Read in batches, each starting
 * after the last message of the one before: memory stays bounded however large the inbox, no
 * connection is held between batches, and it needs no server-side cursor on either engine.
 */
export async function* iterateInboxMessages(db: Database, filter: InboxFilter, batchSize = 500): AsyncGenerator<InboxMessage> {
  let after: { receivedMs: number; id: number } | undefined;
  for (;;) {
    let query = matching(db, filter);
    if (after) {
      const { receivedMs, id } = after;
      query = query.where(({ eb, refTuple, tuple }) => eb(refTuple('received_ms', 'id'), '<', tuple(receivedMs, id)));
    }
    const batch = await newestFirst(query).limit(batchSize).execute();
    yield* batch;
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1]!;
  }
}

export async function findInboxMessage(db: Database, reference: string): Promise<InboxMessage | undefined> {
  return db.selectFrom('contact_messages').select(COLUMNS).$castTo<InboxMessage>().where('reference', '=', reference).executeTakeFirst();
}

export async function findInboxMessageById(db: Database, id: number): Promise<InboxMessage | undefined> {
  return db.selectFrom('contact_messages').select(COLUMNS).$castTo<InboxMessage>().where('id', '=', id).executeTakeFirst();
}

/** Sets a message's status; `onlyFrom` makes it conditional (opening a new message marks it read, nothing else). */
export async function setMessageStatus(
  db: Database,
  params: { reference: string; status: MessageStatus; now: number; onlyFrom?: MessageStatus },
): Promise<boolean> {
  let query = db
    .updateTable('contact_messages')
    .set({ status: params.status, status_changed_ms: params.now })
    .where('reference', '=', params.reference);
  if (params.onlyFrom) query = query.where('status', '=', params.onlyFrom);
  const result = await query.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
