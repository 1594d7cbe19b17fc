import { sql } from 'kysely';
import { getDb } from '@/lib/db/connection';
import { type InsertOutcome, insertContactMessage, type NewContactMessage } from '@/lib/db/messages';
import { validateContact } from '@/lib/contact/schema';
import { HONEYPOT_FIELD, RATE_LIMIT, submitContactMessage } from '@/lib/contact/submit';
import { checkFormToken, issueFormToken, MIN_FILL_MS } from '@/lib/contact/token';
import { enqueueStaffNotification } from '@/lib/staff/notify';
import { ENGINES, openTestDatabase, type TestDatabase } from '../helpers/engines';
import { openSecondInstance } from '../helpers/second-instance';

const NOW = Date.parse('2026-11-25T12:00:00+08:00');
const valid = { name: 'Li Wen', email: 'li.wen@example.com', topic: 'tip', message: 'The ferry pier lights are out.', consent: 'on' };
const token = (ageMs = 10_000) => issueFormToken(NOW - ageMs);
const context = (ip = '203.0.113.7') => ({ locale: 'en' as const, ip, userAgent: 'jest', now: NOW });
const stored = (reference: string) =>
  getDb().prepare('SELECT * FROM contact_messages WHERE reference = ?').get(reference) as Record<string, unknown> | undefined;

describe('validation', () => {
  it.each([
    [{ name: '' }, { name: 'required' }],
    [{ name: '   ' }, { name: 'required' }],
    [{ name: 'x'.repeat(101) }, { name: 'tooLong' }],
    [{ email: 'not-an-address' }, { email: 'email' }],
    [{ email: `${'a'.repeat(250)}@example.com` }, { email: 'tooLong' }],
    [{ topic: 'other' }, { topic: 'topic' }],
    [{ topic: '' }, { topic: 'topic' }],
    [{ message: '' }, { message: 'required' }],
    [{ message: 'x'.repeat(5001) }, { message: 'tooLong' }],
    [{ consent: undefined }, { consent: 'consent' }],
    // Control characters, in every text field alike (issue 14: the message took them).
    [{ name: 'Li\u0000Wen' }, { name: 'characters' }],
    [{ name: 'Li\tWen' }, { name: 'characters' }],
    [{ email: 'li\u0001wen@example.com' }, { email: 'characters' }],
    [{ message: 'The pier\u0000 lights' }, { message: 'characters' }],
    [{ message: 'The pier\u0001 lights' }, { message: 'characters' }],
    [{ message: 'The pier\u007f lights' }, { message: 'characters' }],
    [{ message: 'The pier\u0085 lights' }, { message: 'characters' }],
    [{ message: 'The pier\u001b[31m lights' }, { message: 'characters' }],
  ])('refuses %j with %j', (change, errors) => {
    const result = validateContact({ ...valid, ...change });
    expect(result).toEqual({ ok: false, errors });
  });

  it('keeps tabs and line breaks in the message', () => {
    const result = validateContact({ ...valid, message: 'Line one\n\tindented\r\nline three' });
    expect(result).toMatchObject({ ok: true, value: { message: 'Line one\n\tindented\nline three' } });
  });

  it('trims, normalizes Unicode (NFC) and counts characters, not bytes', () => {
    const result = validateContact({ ...valid, name: '  Jose\u0301  ', message: `${'重'.repeat(5000)}\r\n` });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.name).toBe('José');
      expect([...result.value.message]).toHaveLength(5000);
    }
  });
});

describe('form token', () => {
  it('accepts a token that has waited the minimum fill time, and no other', () => {
    expect(checkFormToken(token(), NOW).ok).toBe(true);
    expect(checkFormToken(token(MIN_FILL_MS - 500), NOW)).toEqual({ ok: false, reason: 'too-fast' });
    expect(checkFormToken(token(25 * 3_600_000), NOW)).toEqual({ ok: false, reason: 'expired' });
    const forged = token().replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect(checkFormToken(forged, NOW)).toEqual({ ok: false, reason: 'invalid' });
    expect(checkFormToken('', NOW)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('submitting a message', () => {
  it('stores it with a reference, consent time, policy version and a hash of the address, never the address', async () => {
    const result = await submitContactMessage({ ...valid, token: token() }, context('198.51.100.1'));
    expect(result).toMatchObject({ kind: 'sent', duplicate: false });
    if (result.kind !== 'sent') return;
    expect(result.reference).toMatch(/^MSG-261125-[2-9A-Z]{6}$/);
    const row = stored(result.reference)!;
    expect(row).toMatchObject({ name: 'Li Wen', topic: 'tip', locale: 'en', status: 'new', consent_ms: NOW, received_ms: NOW });
    expect(row.policy_version).toMatch(/^2026-/);
    expect(row.ip_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain('198.51.100.1');
  });

  it('does not store a second copy when the same form is sent again', async () => {
    const form = { ...valid, token: token() };
    const first = await submitContactMessage(form, context('198.51.100.2'));
    const again = await submitContactMessage(form, context('198.51.100.2'));
    expect(again).toEqual({ kind: 'sent', reference: (first as { reference: string }).reference, duplicate: true });
  });

  it('stores an edited message sent again with the same token as a new message, never confirming what was not kept', async () => {
    const form = { ...valid, token: token() };
    const first = await submitContactMessage(form, context('198.51.100.3'));
    const edited = await submitContactMessage({ ...form, message: `${valid.message} One more detail.` }, context('198.51.100.3'));
    expect(first).toMatchObject({ kind: 'sent', duplicate: false });
    expect(edited).toMatchObject({ kind: 'sent', duplicate: false });
    const [a, b] = [first, edited].map((r) => (r as { reference: string }).reference);
    expect(b).not.toBe(a);
    expect(stored(b!)!.message).toBe(`${valid.message} One more detail.`);
    expect(stored(a!)!.message).toBe(valid.message);
    // And the edited one, sent once more, is its own duplicate.
    expect(await submitContactMessage({ ...form, message: `${valid.message} One more detail.` }, context('198.51.100.3'))).toEqual({
      kind: 'sent',
      reference: b,
      duplicate: true,
    });
  });

  it('drops what a bot put in the honeypot, storing nothing', async () => {
    const before = (getDb().prepare('SELECT COUNT(*) AS n FROM contact_messages').get() as { n: number }).n;
    expect((await submitContactMessage({ ...valid, token: token(), [HONEYPOT_FIELD]: 'http://spam.example' }, context())).kind).toBe('blocked');
    expect((getDb().prepare('SELECT COUNT(*) AS n FROM contact_messages').get() as { n: number }).n).toBe(before);
  });

  it('refuses a form sent faster than a person could fill it in', async () => {
    expect(await submitContactMessage({ ...valid, token: token(1000) }, context())).toEqual({ kind: 'token', reason: 'too-fast' });
  });

  it(`limits one visitor to ${RATE_LIMIT.max} messages in ten minutes, and says when to try again`, async () => {
    const ip = '192.0.2.99';
    for (let i = 0; i < RATE_LIMIT.max; i++) {
      expect((await submitContactMessage({ ...valid, token: token() }, context(ip))).kind).toBe('sent');
    }
    const limited = await submitContactMessage({ ...valid, token: token() }, context(ip));
    expect(limited).toEqual({ kind: 'rate-limited', retryAfterSeconds: 600, client: expect.stringMatching(/^[0-9a-f]{16}$/) });
    // Another visitor is not affected.
    expect((await submitContactMessage({ ...valid, token: token() }, context('192.0.2.100'))).kind).toBe('sent');
  });
});

describe.each(ENGINES)('storing messages on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
  });
  afterAll(() => t.close());

  const LIMIT = { max: 3, windowMs: 60_000 };
  let serial = 0;
  const newMessage = (change: Partial<NewContactMessage> = {}): NewContactMessage => {
    serial += 1;
    return {
      reference: `MSG-E${serial}`,
      idempotencyKey: `key-${serial}`,
      receivedMs: NOW,
      locale: 'en',
      name: 'Li Wen',
      email: 'li.wen@example.com',
      topic: 'tip',
      message: 'The ferry pier lights are out.',
      consentMs: NOW,
      policyVersion: '2026-11',
      ipHash: `visitor-${serial}`,
      userAgent: 'jest',
      ...change,
    };
  };
  const withKey = (key: string) =>
    t.db.selectFrom('contact_messages').select('reference').where('idempotency_key', '=', key).execute();
  const mail = { smtpUrl: 'smtp://127.0.0.1:1', from: 'portal@example.com', to: ['desk@example.com'] };

  it("queues the staff notification in the message's transaction: both are stored, or neither", async () => {
    const message = newMessage();
    const outcome = await insertContactMessage(t.db, message, LIMIT, (trx, id) => enqueueStaffNotification(trx, id, mail, NOW));
    if (outcome.kind !== 'stored') throw new Error(`not stored: ${outcome.kind}`);
    const queued = await t.db.selectFrom('mail_outbox').select(['message_id', 'subject']).execute();
    expect(queued).toEqual([{ message_id: outcome.id, subject: `[${message.reference}] New message: tip` }]);

    const failing = newMessage();
    const attempt = insertContactMessage(t.db, failing, LIMIT, async (trx, id) => {
      await enqueueStaffNotification(trx, id, mail, NOW);
      throw new Error('the outbox is full');
    });
    await expect(attempt).rejects.toThrow('the outbox is full');
    expect(await withKey(failing.idempotencyKey)).toEqual([]);
    expect(await t.db.selectFrom('mail_outbox').select('message_id').execute()).toHaveLength(1);
  });

  it('answers a repeat of the same form with the first copy, whatever address it comes from', async () => {
    const first = newMessage();
    await expect(insertContactMessage(t.db, first, LIMIT)).resolves.toMatchObject({ kind: 'stored', reference: first.reference });
    const repeat = { ...first, reference: 'MSG-REPEAT', ipHash: 'another-address' };
    await expect(insertContactMessage(t.db, repeat, LIMIT)).resolves.toEqual({ kind: 'duplicate', reference: first.reference });
  });

  it('refuses a second message under a taken reference without storing it, so the caller can try another', async () => {
    const first = newMessage();
    await expect(insertContactMessage(t.db, first, LIMIT)).resolves.toMatchObject({ kind: 'stored' });
    const clash = newMessage({ reference: first.reference });
    await expect(insertContactMessage(t.db, clash, LIMIT)).resolves.toEqual({ kind: 'reference-taken' });
    expect(await withKey(clash.idempotencyKey)).toEqual([]);
    await expect(insertContactMessage(t.db, { ...clash, reference: `${first.reference}-2` }, LIMIT)).resolves.toMatchObject({
      kind: 'stored',
      reference: `${first.reference}-2`,
    });
  });

  it('limits one visitor within the window, and says when the oldest message leaves it', async () => {
    const visitor = 'limited-visitor';
    for (let i = 0; i < LIMIT.max; i++) {
      const outcome = await insertContactMessage(t.db, newMessage({ ipHash: visitor, receivedMs: NOW + i * 1000 }), LIMIT);
      expect(outcome.kind).toBe('stored');
    }
    await expect(insertContactMessage(t.db, newMessage({ ipHash: visitor, receivedMs: NOW + 5000 }), LIMIT)).resolves.toEqual({
      kind: 'rate-limited',
      retryAfterMs: LIMIT.windowMs - 5000,
    });
    const later = newMessage({ ipHash: visitor, receivedMs: NOW + LIMIT.windowMs });
    await expect(insertContactMessage(t.db, later, LIMIT)).resolves.toMatchObject({ kind: 'stored' });
  });

  describe('two instances at once', () => {
    // PostgreSQL: a second pool, as another instance has. SQLite: one process has one
    // connection (its transactions wait for each other); other processes wait on the file lock.
    let other: TestDatabase['db'];
    beforeAll(async () => {
      other = engine === 'postgres' ? openSecondInstance(t) : t.db;
      // Connected before the race, so that neither instance starts late.
      await sql`SELECT 1`.execute(other);
    });
    afterAll(async () => {
      if (other !== t.db) await other.destroy();
    });

    it('store one copy of a form sent to both, from two addresses', async () => {
      const message = newMessage();
      const outcomes = await Promise.all([
        insertContactMessage(t.db, message, LIMIT),
        insertContactMessage(other, { ...message, reference: 'MSG-SECOND', ipHash: 'second-address' }, LIMIT),
      ]);
      const stored = outcomes.find((outcome) => outcome.kind === 'stored');
      expect(stored).toBeDefined();
      expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['duplicate', 'stored']);
      expect(outcomes.map((outcome) => (outcome as { reference: string }).reference)).toEqual([stored!.reference, stored!.reference]);
      expect(await withKey(message.idempotencyKey)).toHaveLength(1);
    });

    it("count one visitor's messages across both", async () => {
      const visitor = 'busy-visitor';
      const outcomes = await Promise.all(
        Array.from({ length: 6 }, (_, i) => insertContactMessage(i % 2 ? other : t.db, newMessage({ ipHash: visitor }), LIMIT)),
      );
      expect(outcomes.filter((outcome) => outcome.kind === 'stored')).toHaveLength(LIMIT.max);
      expect(outcomes.filter((outcome) => outcome.kind === 'rate-limited')).toHaveLength(6 - LIMIT.max);
    });
  });

  // SQLite's write transaction holds the whole file: no other writer can hold an uncommitted copy.
  (engine === 'postgres' ? it : it.skip)('answers a copy that slipped past the locks as a duplicate, not an error', async () => {
    const message = newMessage();
    let outcome: Promise<InsertOutcome> | undefined;
    await t.db.transaction().execute(async (trx) => {
      // A writer that takes no advisory lock holds an uncommitted row with the same key...
      await trx
        .insertInto('contact_messages')
        .values({
          reference: 'MSG-SLIPPED',
          idempotency_key: message.idempotencyKey,
          received_ms: NOW,
          locale: 'en',
          name: 'x',
          email: 'x@example.com',
          topic: 'tip',
          message: 'x',
          consent_ms: NOW,
          policy_version: '2026-11',
          ip_hash: 'x',
        })
        .execute();
      // ...while the submission passes its check and waits on the unique index.
      outcome = insertContactMessage(t.db, message, LIMIT);
      for (let waiting = 0; waiting === 0; ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const { rows } = await sql<{ n: number }>`
          SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`.execute(t.db);
        waiting = rows[0]!.n;
      }
    });
    await expect(outcome).resolves.toEqual({ kind: 'duplicate', reference: 'MSG-SLIPPED' });
  });
});
