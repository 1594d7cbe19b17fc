import { getDb } from '@/lib/db/connection';
import { validateContact } from '@/lib/contact/schema';
import { HONEYPOT_FIELD, RATE_LIMIT, submitContactMessage } from '@/lib/contact/submit';
import { checkFormToken, issueFormToken, MIN_FILL_MS } from '@/lib/contact/token';

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
