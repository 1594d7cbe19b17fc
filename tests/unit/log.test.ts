import { logContactOutcome, submitContactMessage } from '@/lib/contact/submit';
import { issueFormToken } from '@/lib/contact/token';
import { logRequest, requestId, requestLog } from '@/lib/log';
import { memoryLogger } from '../helpers/memory-log';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('requestId', () => {
  it.each(['test-req-12345678', 'abcdefgh', 'A.b_c-9.0123', 'x'.repeat(64)])('keeps the id sent by the client or proxy: %s', (id) => {
    expect(requestId(id)).toBe(id);
  });

  it.each([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
    ['too short', 'abc1234'],
    ['too long', 'x'.repeat(65)],
    ['with spaces', 'req id 12345678'],
    ['with a line break (log forging)', 'req-12345678\n{"level":"error"}'],
    ['with quotes', 'req-"12345678"'],
    ['with non-ASCII letters', 'req-1234567８'],
  ])('makes a new one when it is %s', (_, incoming) => {
    const id = requestId(incoming);
    expect(id).toMatch(UUID);
    expect(id).not.toBe(requestId(incoming));
  });

  it('puts the request id of the x-request-id header on every line of a request logger', () => {
    const memory = memoryLogger();
    const log = requestLog(new Headers({ 'x-request-id': 'edge-0123456789' }), memory.logger);
    log.info({ event: 'one' }, 'one');
    log.warn({ event: 'two' }, 'two');
    expect(memory.lines().map((line) => line.requestId)).toEqual(['edge-0123456789', 'edge-0123456789']);
  });
});

describe('the request line', () => {
  it('is one JSON line with the id, method, path without its query, status and duration', () => {
    const memory = memoryLogger();
    logRequest({ id: 'req-12345678', method: 'GET', path: '/admin/messages?q=li.wen@example.com#top', status: 200, ms: 12.4 }, memory.logger);
    expect(memory.lines()).toEqual([
      expect.objectContaining({ level: 'info', event: 'request', requestId: 'req-12345678', method: 'GET', path: '/admin/messages', status: 200, ms: 12 }),
    ]);
    expect(memory.text()).not.toContain('example.com');
    expect(memory.lines()[0]!.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('is an error line for a 5xx', () => {
    const memory = memoryLogger();
    logRequest({ id: 'req-12345678', method: 'POST', path: '/api/contact', status: 503, ms: 3 }, memory.logger);
    expect(memory.lines()[0]).toMatchObject({ level: 'error', status: 503 });
  });
});

describe('redaction', () => {
  const message = {
    name: 'Wang Xiaoming',
    email: 'wang.xiaoming@example.com',
    topic: 'tip',
    message: 'The night market on Jiefangbei moved to the river bank.',
    consent: 'on',
  };

  it("logs a stored message's reference and the request id, not the sender's name, address, words or IP", async () => {
    const memory = memoryLogger();
    const log = requestLog(new Headers({ 'x-request-id': 'test-req-12345678' }), memory.logger);
    const result = await submitContactMessage(
      { ...message, token: issueFormToken(Date.now() - 10_000) },
      { locale: 'en', ip: '203.0.113.45', userAgent: 'jest' },
    );
    expect(result.kind).toBe('sent');
    logContactOutcome(log, result, { via: 'api', status: 201 });
    const reference = result.kind === 'sent' ? result.reference : '';
    expect(memory.lines()).toEqual([
      expect.objectContaining({ event: 'contact.stored', requestId: 'test-req-12345678', reference, status: 201 }),
    ]);
    for (const secret of [message.name, message.email, message.message, 'Wang', 'example.com', '203.0.113.45']) {
      expect(memory.text()).not.toContain(secret);
    }
  });

  it('logs a refusal as a reason code and field names, not the values', async () => {
    const memory = memoryLogger();
    const result = await submitContactMessage(
      { ...message, email: 'wang.xiaoming(at)example.com', token: issueFormToken(Date.now() - 10_000) },
      { locale: 'zh', ip: '203.0.113.46', userAgent: 'jest' },
    );
    logContactOutcome(memory.logger, result, { via: 'form' });
    expect(memory.lines()).toEqual([expect.objectContaining({ event: 'contact.refused', reason: 'invalid', fields: ['email'] })]);
    expect(memory.text()).not.toMatch(/wang|example|night market|203\.0\.113/i);
  });

  it('logs a rate-limited client as a keyed hash, never its address', async () => {
    const memory = memoryLogger();
    const ip = '198.51.100.77';
    let result = await submitContactMessage({ ...message, token: issueFormToken(Date.now() - 10_000) }, { locale: 'en', ip, userAgent: 'jest' });
    for (let i = 0; i < 5; i++) {
      result = await submitContactMessage({ ...message, token: issueFormToken(Date.now() - 10_000) }, { locale: 'en', ip, userAgent: 'jest' });
    }
    logContactOutcome(memory.logger, result, { via: 'api', status: 429 });
    expect(memory.lines()).toEqual([
      expect.objectContaining({ level: 'warn', event: 'contact.rate-limited', client: expect.stringMatching(/^[0-9a-f]{16}$/) }),
    ]);
    expect(memory.text()).not.toContain(ip);
  });

  it('censors personal fields passed by mistake, at the top level and one level down', () => {
    const memory = memoryLogger();
    memory.logger.info(
      {
        email: 'a@example.com',
        password: 'hunter2hunter2',
        ip: '192.0.2.1',
        staff: { name: 'Li Wen', email: 'li.wen@example.com', token: 'abc' },
        headers: { cookie: 'staff_session=xyz', authorization: 'Bearer s3cret', 'x-forwarded-for': '192.0.2.1' },
      },
      'oops',
    );
    const line = memory.lines()[0]!;
    expect(line).toMatchObject({
      email: '[redacted]',
      password: '[redacted]',
      ip: '[redacted]',
      staff: { name: '[redacted]', email: '[redacted]', token: '[redacted]' },
      headers: { cookie: '[redacted]', authorization: '[redacted]', 'x-forwarded-for': '[redacted]' },
      msg: 'oops',
    });
    expect(memory.text()).not.toMatch(/example\.com|hunter2|192\.0\.2\.1|Li Wen|xyz|s3cret/);
  });

  it("keeps an error's type and message (operators need them)", () => {
    const memory = memoryLogger();
    memory.logger.error({ err: new TypeError('database is locked') }, 'failed');
    expect(memory.lines()[0]).toMatchObject({ err: { type: 'TypeError', message: 'database is locked' } });
  });
});
