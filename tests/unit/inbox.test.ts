import { type Database, getDatabase } from '@/lib/db/database';
import { likeContains } from '@/lib/db/engine';
import { findInboxMessage, findInboxMessageById, iterateInboxMessages, listInboxMessages, setMessageStatus } from '@/lib/db/inbox';
import { CSV_BOM, csvCell, csvRow } from '@/lib/staff/csv';
import { getInboxPage, inboxCsv, inboxHref, openInboxMessage, parseInboxQuery, safeInboxReturn } from '@/lib/staff/inbox';
import { insertTestMessage } from '../helpers/contact-messages';
import { ENGINES, openTestDatabase, type TestDatabase } from '../helpers/engines';

const T0 = Date.parse('2026-11-01T09:00:00+08:00');
const MINUTE = 60_000;

/** 30 plain messages, one a minute, then a few that the search tests look for. */
async function fillInbox(db: Database): Promise<void> {
  for (let i = 0; i < 30; i++) await insertTestMessage(db, { reference: `MSG-P${String(i).padStart(3, '0')}`, receivedMs: T0 + i * MINUTE });
  await insertTestMessage(db, { reference: 'MSG-PCT', receivedMs: T0 - 1, message: 'Prices rose 100% this year' });
  await insertTestMessage(db, { reference: 'MSG-UND', receivedMs: T0 - 2, name: 'under_score', message: 'x' });
  await insertTestMessage(db, { reference: 'MSG-BSL', receivedMs: T0 - 3, message: 'a path C:\\temp' });
  await insertTestMessage(db, { reference: 'MSG-ZH', receivedMs: T0 - 4, locale: 'zh', name: '王芳', message: '轻轨2号线', status: 'spam' });
  await insertTestMessage(db, { reference: 'MSG-RPL', receivedMs: T0 - 5, email: 'reader@example.org', status: 'replied' });
}

/** The pages and handlers (lib/staff/inbox.ts) run on the process's database: this file's SQLite one. */
beforeAll(async () => fillInbox(await getDatabase()));

const refs = async (q: Parameters<typeof parseInboxQuery>[0]) => (await getInboxPage(parseInboxQuery(q))).items.map((m) => m.reference);

describe('the inbox list', () => {
  it('shows 25 per page, newest first, and counts all', async () => {
    const first = await getInboxPage(parseInboxQuery({}));
    expect(first.total).toBe(35);
    expect(first.pages).toBe(2);
    expect(first.items).toHaveLength(25);
    expect(first.items[0]!.reference).toBe('MSG-P029');
    expect(first.items.map((m) => m.receivedMs)).toEqual([...first.items.map((m) => m.receivedMs)].sort((a, b) => b - a));
    const second = await getInboxPage(parseInboxQuery({ page: '2' }));
    expect(second.items.map((m) => m.reference)).toEqual([
      'MSG-P004', 'MSG-P003', 'MSG-P002', 'MSG-P001', 'MSG-P000', 'MSG-PCT', 'MSG-UND', 'MSG-BSL', 'MSG-ZH', 'MSG-RPL',
    ]);
    expect((await getInboxPage(parseInboxQuery({ page: '3' }))).items).toEqual([]);
  });

  it('filters by status', async () => {
    expect(await refs({ status: 'spam' })).toEqual(['MSG-ZH']);
    expect(await refs({ status: 'replied' })).toEqual(['MSG-RPL']);
    expect((await getInboxPage(parseInboxQuery({ status: 'new' }))).total).toBe(33);
  });

  it('searches name, email, message and reference, with % _ and \\ taken literally', async () => {
    expect(await refs({ q: '100%' })).toEqual(['MSG-PCT']);
    expect(await refs({ q: '%' })).toEqual(['MSG-PCT']);
    expect(await refs({ q: '_' })).toEqual(['MSG-UND']);
    expect(await refs({ q: 'C:\\' })).toEqual(['MSG-BSL']);
    expect(await refs({ q: '王芳' })).toEqual(['MSG-ZH']);
    expect(await refs({ q: '2号线' })).toEqual(['MSG-ZH']);
    expect(await refs({ q: 'example.org' })).toEqual(['MSG-RPL']);
    expect(await refs({ q: 'msg-p02' })).toHaveLength(10);
    expect(await refs({ q: '王芳', status: 'new' })).toEqual([]);
    expect(likeContains('a%b_c\\')).toBe('%a\\%b\\_c\\\\%');
  });

  it('reads query parameters leniently', () => {
    expect(parseInboxQuery({ q: '  tip ', status: 'bogus', page: '-3' })).toEqual({ q: 'tip', status: undefined, page: 1 });
    expect(parseInboxQuery(new URLSearchParams('status=read&page=2'))).toEqual({ q: '', status: 'read', page: 2 });
    expect(parseInboxQuery({ q: ['a', 'b'], page: 'x' })).toEqual({ q: 'a', status: undefined, page: 1 });
    expect(inboxHref({ q: 'a b', status: 'new', page: 2 })).toBe('/admin/messages?q=a+b&status=new&page=2');
    expect(inboxHref({ q: '', page: 1 })).toBe('/admin/messages');
  });

  it('marks a new message read when it is opened, and leaves other statuses alone', async () => {
    expect((await openInboxMessage('MSG-P000'))?.status).toBe('read');
    expect((await listInboxMessages(await getDatabase(), { q: 'MSG-P000', page: 1, perPage: 5 })).items[0]!.status).toBe('read');
    expect((await openInboxMessage('MSG-RPL'))?.status).toBe('replied');
    expect(await openInboxMessage('MSG-NONE')).toBeUndefined();
  });

  it('sends status forms back only to inbox pages', () => {
    expect(safeInboxReturn('/admin/messages/MSG-1', '/x')).toBe('/admin/messages/MSG-1');
    expect(safeInboxReturn('/admin/messages?q=a&status=new', '/x')).toBe('/admin/messages?q=a&status=new');
    for (const bad of ['//evil.example/admin/messages', 'https://evil.example/', '/en', '/admin/messages/../../x/y', null]) {
      expect(safeInboxReturn(bad, '/x')).toBe('/x');
    }
  });
});

describe.each(ENGINES)('the inbox queries on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await fillInbox(t.db);
  });
  afterAll(() => t.close());

  const search = async (q: string, status?: 'new' | 'spam') =>
    (await listInboxMessages(t.db, { q, status, page: 1, perPage: 50 })).items.map((m) => m.reference);

  it.each([
    ['100%', ['MSG-PCT']],
    ['_', ['MSG-UND']],
    ['C:\\', ['MSG-BSL']],
    ['2号线', ['MSG-ZH']],
    ['READER@EXAMPLE', ['MSG-RPL']],
    ['Msg-P00', ['MSG-P009', 'MSG-P008', 'MSG-P007', 'MSG-P006', 'MSG-P005', 'MSG-P004', 'MSG-P003', 'MSG-P002', 'MSG-P001', 'MSG-P000']],
  ])('finds %j, ignoring case, with %% _ and \\ taken literally', async (q, expected) => {
    expect(await search(q)).toEqual(expected);
  });

  it('combines the search with the status, and counts what matches', async () => {
    expect(await search('王芳', 'spam')).toEqual(['MSG-ZH']);
    expect(await search('王芳', 'new')).toEqual([]);
    const page = await listInboxMessages(t.db, { status: 'new', page: 2, perPage: 30 });
    expect(page.total).toBe(33);
    expect(page.items.map((m) => m.reference)).toEqual(['MSG-PCT', 'MSG-UND', 'MSG-BSL']);
  });

  it('finds one message by reference or id, and changes its status only from the status asked', async () => {
    const message = (await findInboxMessage(t.db, 'MSG-UND'))!;
    expect(message).toMatchObject({ reference: 'MSG-UND', receivedMs: T0 - 2, name: 'under_score', status: 'new', statusChangedMs: null });
    expect(await findInboxMessageById(t.db, message.id)).toEqual(message);
    expect(await findInboxMessage(t.db, 'MSG-NONE')).toBeUndefined();
    expect(await setMessageStatus(t.db, { reference: 'MSG-RPL', status: 'read', now: T0, onlyFrom: 'new' })).toBe(false);
    expect(await setMessageStatus(t.db, { reference: 'MSG-UND', status: 'read', now: T0, onlyFrom: 'new' })).toBe(true);
    expect(await setMessageStatus(t.db, { reference: 'MSG-UND', status: 'spam', now: T0 + 1 })).toBe(true);
    expect(await setMessageStatus(t.db, { reference: 'MSG-NONE', status: 'spam', now: T0 + 1 })).toBe(false);
    expect(await findInboxMessageById(t.db, message.id)).toMatchObject({ status: 'spam', statusChangedMs: T0 + 1 });
  });

  it('iterates over every match newest first, batch after batch, messages of the same moment included', async () => {
    for (const reference of ['MSG-TIE1', 'MSG-TIE2', 'MSG-TIE3']) await insertTestMessage(t.db, { reference, receivedMs: T0 - 10 });
    const all = await listInboxMessages(t.db, { page: 1, perPage: 100 });
    const iterated: string[] = [];
    for await (const message of iterateInboxMessages(t.db, {}, 4)) iterated.push(message.reference);
    expect(iterated).toEqual(all.items.map((m) => m.reference));
    expect(iterated).toHaveLength(38);
    const ties: string[] = [];
    for await (const message of iterateInboxMessages(t.db, { q: 'MSG-TIE' }, 2)) ties.push(message.reference);
    expect(ties.sort()).toEqual(['MSG-TIE1', 'MSG-TIE2', 'MSG-TIE3']);
  });
});

describe('CSV', () => {
  it('quotes every cell and doubles quotes; line breaks stay inside the cell', () => {
    expect(csvRow(['a', 'say "hi"', 'two\nlines', 3])).toBe('"a","say ""hi""","two\nlines","3"\r\n');
  });

  it('never writes control characters, keeping tabs and line breaks', () => {
    expect(csvCell('a\u0000b\u0001c\u001bd\u007fe\u0085f')).toBe('"a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf"');
    expect(csvCell('one\ttwo\r\nthree')).toBe('"one\ttwo\r\nthree"');
  });

  it('neutralizes cells that a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell('-2+3')).toBe(`"'-2+3"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\t=1')).toBe(`"'\t=1"`);
    expect(csvCell('a=1')).toBe('"a=1"');
  });

  it('exports the filtered inbox with a BOM and a header row', async () => {
    const csv = await inboxCsv(parseInboxQuery({ q: '王芳' }));
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('"reference","received","status","locale","topic","name","email","message"');
    expect(lines[1]).toContain('"MSG-ZH"');
    expect(lines[1]).toContain('"王芳"');
    expect(lines[2]).toBe('');
  });
});
