import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { postgresDatabase } from '@/lib/db/database';
import { insertOutboxMail } from '@/lib/db/outbox';
import type { MailSettings } from '@/lib/staff/mail';
import { deliverDueMail, retryDelayMs } from '@/lib/staff/mail-sender';
import { enqueueStaffNotification } from '@/lib/staff/notify';
import { insertTestMessage } from '../helpers/contact-messages';
import { ENGINES, openTestDatabase, type TestDatabase } from '../helpers/engines';
import { memoryLogger } from '../helpers/memory-log';
import { drainDueMail, startClaimingProcess } from '../helpers/outbox-claims';

interface Received {
  from: string | undefined;
  to: string[];
  data: string;
}

/** A real SMTP server on loopback that keeps what it receives. */
async function startSmtp(received: Received[]): Promise<{ server: SMTPServer; port: number }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port };
}

const stop = (server: SMTPServer) => new Promise<void>((resolve) => server.close(() => resolve()));

const settingsFor = (port: number): MailSettings => ({
  smtpUrl: `smtp://127.0.0.1:${port}`,
  from: 'portal@example.com',
  to: ['desk@example.com', 'editor@example.com'],
});

const T0 = Date.parse('2026-11-25T10:00:00+08:00');

describe.each(ENGINES)('%s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
  });
  afterAll(() => t.close());

  const outbox = () => t.db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();

  afterEach(async () => {
    await t.db.deleteFrom('mail_outbox').execute();
  });

  it('does nothing without SMTP settings', async () => {
    const { id } = await insertTestMessage(t.db);
    await enqueueStaffNotification(t.db, id, null);
    expect(await outbox()).toEqual([]);
    await expect(deliverDueMail(T0, null, t.db)).resolves.toEqual({ sent: 0, failed: 0 });
  });

  it('delivers a plain-text notification with the message and the admin link', async () => {
    const received: Received[] = [];
    const { server, port } = await startSmtp(received);
    try {
      const db = t.db;
      const { id, reference } = await insertTestMessage(db, {
        receivedMs: T0,
        locale: 'zh',
        topic: 'tip',
        name: 'Evil\r\nBcc: victim@example.com',
        message: '第一行\n<b>second</b> line',
      });
      await db.transaction().execute((trx) => enqueueStaffNotification(trx, id, settingsFor(port), T0));
      expect(await outbox()).toHaveLength(1);
      await expect(deliverDueMail(T0, settingsFor(port), db)).resolves.toEqual({ sent: 1, failed: 0 });

      expect(received).toHaveLength(1);
      const mail = received[0]!;
      expect(mail.from).toBe('portal@example.com');
      expect(mail.to).toEqual(['desk@example.com', 'editor@example.com']);
      expect(mail.data).toContain(`Subject: [${reference}] New message: tip`);
      expect(mail.data).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
      // A line break in the name cannot add a header, nor a fake field line in the body.
      const [headers] = mail.data.split(/\r?\n\r?\n/);
      expect(headers).not.toMatch(/^Bcc:/im);
      expect(mail.data).not.toMatch(/^Bcc:/im);
      const row = (await outbox())[0]!;
      expect(row.sent_ms).toBe(T0);
      expect(row.attempts).toBe(1);
      const { body } = row;
      expect(body).toContain(`Reference: ${reference}`);
      expect(body).toContain('Language: zh');
      expect(body).toContain('Topic: tip');
      expect(body).toContain('Name: Evil Bcc: victim@example.com');
      expect(body).toContain('Email: li.wei@example.com');
      expect(body).toContain('第一行\n<b>second</b> line');
      expect(body).toContain(`/admin/messages/${reference}`);
      // Sent mail is not sent again.
      await expect(deliverDueMail(T0 + 1, settingsFor(port), db)).resolves.toEqual({ sent: 0, failed: 0 });
    } finally {
      await stop(server);
    }
  });

  it('keeps a mail the server could not take and retries it later with growing delays', async () => {
    const received: Received[] = [];
    const first = await startSmtp(received);
    await stop(first.server);
    const db = t.db;
    const { id, reference } = await insertTestMessage(db, { receivedMs: T0 });
    await enqueueStaffNotification(db, id, settingsFor(first.port), T0);

    // The server is down: the row stays, with one attempt, the error and a later due time.
    const memory = memoryLogger();
    await expect(deliverDueMail(T0, settingsFor(first.port), db, memory.logger)).resolves.toEqual({ sent: 0, failed: 1 });
    const failed = (await outbox())[0]!;
    expect(failed).toMatchObject({ attempts: 1, sent_ms: null });
    expect(failed.last_error).toBeTruthy();
    expect(failed.next_attempt_ms).toBe(T0 + retryDelayMs(1));
    // Not due yet: nothing is tried.
    await expect(deliverDueMail(failed.next_attempt_ms - 1, settingsFor(first.port), db)).resolves.toEqual({ sent: 0, failed: 0 });

    const second = await startSmtp(received);
    try {
      await expect(deliverDueMail(failed.next_attempt_ms, settingsFor(second.port), db, memory.logger)).resolves.toEqual({
        sent: 1,
        failed: 0,
      });
      expect(received).toHaveLength(1);
      // The log tells the operator which outbox row, which attempt and why, never to whom.
      expect(memory.lines()).toEqual([
        expect.objectContaining({ level: 'warn', event: 'mail.failed', outboxId: failed.id, attempt: 1, code: 'ESOCKET' }),
        expect.objectContaining({ level: 'info', event: 'mail.sent', outboxId: failed.id, attempt: 2 }),
      ]);
      expect(memory.text()).not.toContain('example.com');
      expect(received[0]!.data).toContain(`[${reference}]`);
      expect((await outbox())[0]).toMatchObject({ attempts: 2, sent_ms: failed.next_attempt_ms, last_error: null });
    } finally {
      await stop(second.server);
    }
  });

  it('two senders claiming at once never take the same mail', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 100; i++) {
      ids.push(await insertOutboxMail(t.db, { messageId: null, recipients: 'desk@example.com', subject: `s${i}`, body: 'b', now: T0 }));
    }
    const lease = { now: T0, leaseUntil: T0 + 60_000 };
    // PostgreSQL: another instance's pool. SQLite: another process (one process cannot wait for
    // its own second connection's lock).
    const second = engine === 'postgres' ? postgresDatabase(t.location, { poolSize: 2 }) : undefined;
    try {
      const other = second ? { claimed: drainDueMail(second, lease) } : await startClaimingProcess(t.location, lease);
      const [mine, theirs] = await Promise.all([drainDueMail(t.db, lease), other.claimed]);
      expect([...mine, ...theirs].sort((a, b) => a - b)).toEqual(ids);
      const rows = await outbox();
      expect(rows.every((row) => row.next_attempt_ms === lease.leaseUntil)).toBe(true);
    } finally {
      await second?.destroy();
    }
  });
});

it('backs off 1 min, 5 min, 30 min, 2 h, then every 6 h', () => {
  expect([1, 2, 3, 4, 5, 6, 50].map(retryDelayMs)).toEqual([60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 21_600_000, 21_600_000]);
});
