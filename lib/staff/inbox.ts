import { z } from 'zod';
import { getDatabase } from '../db/database';
import { findInboxMessage, iterateInboxMessages, listInboxMessages, setMessageStatus } from '../db/inbox';
import { safeReturnPath } from '../routing/rules';
import { CSV_BOM, csvRow, INBOX_CSV_HEADER, inboxCsvRow } from './csv';
import { type InboxMessage, MESSAGE_STATUSES, type MessageStatus } from './inbox-types';
import { adminPaths } from './paths';

/** The staff inbox as pages and handlers use it: query parsing, pages of messages, status changes, export. */

export const INBOX_PAGE_SIZE = 25;

export interface InboxQuery {
  q: string;
  status: MessageStatus | undefined;
  page: number;
}

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const querySchema = z.object({
  q: z.preprocess(first, z.string().max(200)).catch(''),
  status: z.preprocess(first, z.enum(MESSAGE_STATUSES)).optional().catch(undefined),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(1_000_000)).catch(1),
});

/** Reads ?q=, ?status= and ?page= leniently: a bad value falls back to its default. */
export function parseInboxQuery(params: Record<string, string | string[] | undefined> | URLSearchParams): InboxQuery {
  const record = params instanceof URLSearchParams ? Object.fromEntries(params) : params;
  const parsed = querySchema.parse(record);
  return { q: parsed.q.trim(), status: parsed.status, page: parsed.page };
}

/** The list's address for a query (empty values left out), on `base` (the list or the CSV export). */
export function inboxHref(query: Partial<InboxQuery>, base: string = adminPaths.messages): string {
  const search = new URLSearchParams();
  if (query.q) search.set('q', query.q);
  if (query.status) search.set('status', query.status);
  if (query.page && query.page > 1) search.set('page', String(query.page));
  const text = search.toString();
  return text ? `${base}?${text}` : base;
}

export async function getInboxPage(query: InboxQuery): Promise<{
  items: InboxMessage[];
  total: number;
  page: number;
  pages: number;
}> {
  const filter = { q: query.q, status: query.status };
  const { items, total } = await listInboxMessages(await getDatabase(), { ...filter, page: query.page, perPage: INBOX_PAGE_SIZE });
  return { items, total, page: query.page, pages: Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE)) };
}

/** A message for its detail page; opening a new message marks it read. */
export async function openInboxMessage(reference: string, now = Date.now()): Promise<InboxMessage | undefined> {
  const db = await getDatabase();
  const message = await findInboxMessage(db, reference);
  if (message?.status === 'new' && (await setMessageStatus(db, { reference, status: 'read', now, onlyFrom: 'new' }))) {
    return { ...message, status: 'read', statusChangedMs: now };
  }
  return message;
}

/** The message page's status buttons: the new status, and where to go back to (checked by safeInboxReturn). */
export const statusChangeSchema = z.object({ status: z.enum(MESSAGE_STATUSES), return: z.string().optional() });

export async function changeMessageStatus(reference: string, status: MessageStatus, now = Date.now()): Promise<boolean> {
  return setMessageStatus(await getDatabase(), { reference, status, now });
}

/** The whole CSV export for a query's filters (not paged). */
export async function inboxCsv(query: Pick<InboxQuery, 'q' | 'status'>): Promise<string> {
  const rows = [CSV_BOM, csvRow(INBOX_CSV_HEADER)];
  const messages = iterateInboxMessages(await getDatabase(), { q: query.q, status: query.status });
  for await (const message of messages) rows.push(inboxCsvRow(message));
  return rows.join('');
}

/** Where a status form may send the browser back to: only a page of the inbox itself. */
export function safeInboxReturn(value: unknown, fallback: string): string {
  return safeReturnPath(value, { prefix: adminPaths.messages }) ?? fallback;
}
