import nodemailer from 'nodemailer';
import { type Database, getDatabase } from '../db/database';
import { isDatabaseUnavailable } from '../db/engine';
import { claimDueMail, markMailFailed, markMailSent } from '../db/outbox';
import { log as processLog, type Logger } from '../log';
import { headerSafe, mailSettingsFromEnv, type MailSettings } from './mail';

/**
 * Delivers due outbox mail. A failed attempt is retried after 1 min, 5 min, 30 min, 2 h, then
 * every 6 h, without limit: a notification is dropped only by deleting its row.
 */

const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000];
/** How long a claimed mail stays reserved for the sender that took it. */
const LEASE_MS = 10 * 60_000;
const BATCH = 20;
const INTERVAL_MS = 30_000;

export function retryDelayMs(attempts: number): number {
  return RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), RETRY_DELAYS_MS.length) - 1]!;
}

/**
 * What the log may say about a failed send: nodemailer's code (ECONNECTION, EAUTH, EENVELOPE, …)
 * and the SMTP reply code. Not the message: a server's reply often quotes the recipient.
 */
function mailErrorCodes(error: unknown): { code: string; responseCode?: number } {
  const { code, responseCode } = (error ?? {}) as { code?: unknown; responseCode?: unknown };
  return {
    code: typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown',
    ...(typeof responseCode === 'number' ? { responseCode } : {}),
  };
}

/**
 * Sends what is due at `now`; returns how many were sent and how many failed. `database`: the
 * process's own (lib/db/database.ts's getDatabase) unless a test gives another.
 */
export async function deliverDueMail(
  now: number,
  settings: MailSettings | null = mailSettingsFromEnv(),
  database?: Database,
  log: Logger = processLog,
): Promise<{ sent: number; failed: number }> {
  const result = { sent: 0, failed: 0 };
  if (!settings) return result;
  const db = database ?? (await getDatabase());
  const due = await claimDueMail(db, { now, leaseUntil: now + LEASE_MS, limit: BATCH });
  if (due.length === 0) return result;
  const transport = nodemailer.createTransport(settings.smtpUrl);
  try {
    for (const mail of due) {
      try {
        await transport.sendMail({
          from: settings.from,
          to: headerSafe(mail.recipients),
          subject: headerSafe(mail.subject),
          text: mail.body,
        });
        await markMailSent(db, { id: mail.id, now });
        log.info({ event: 'mail.sent', outboxId: mail.id, attempt: mail.attempts + 1 }, 'staff notification sent');
        result.sent++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const nextAttemptMs = now + retryDelayMs(mail.attempts + 1);
        await markMailFailed(db, { id: mail.id, error: message.slice(0, 1000), nextAttemptMs });
        log.warn(
          { event: 'mail.failed', outboxId: mail.id, attempt: mail.attempts + 1, ...mailErrorCodes(error), retryAt: new Date(nextAttemptMs).toISOString() },
          'staff notification not sent; will retry',
        );
        result.failed++;
      }
    }
  } finally {
    transport.close();
  }
  return result;
}

const globalForSender = globalThis as unknown as { staffMailSender?: NodeJS.Timeout };

/** Starts the once-per-process interval that sends due mail (instrumentation.ts calls it). */
export function startMailSender(): void {
  if (globalForSender.staffMailSender) return;
  if (!mailSettingsFromEnv()) {
    processLog.info({ event: 'mail.disabled' }, 'staff notifications off (SMTP_URL, SMTP_FROM, STAFF_NOTIFY_TO unset)');
    return;
  }
  processLog.info({ event: 'mail.sender-start', everyMs: INTERVAL_MS }, 'staff mail sender started');
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await deliverDueMail(Date.now());
    } catch (error) {
      // The outbox itself failed (the database): the rows stay due and the next tick tries again.
      if (isDatabaseUnavailable(error)) processLog.warn({ event: 'mail.sender-unavailable' }, 'staff mail sender: database unavailable');
      else processLog.error({ event: 'mail.sender-error', err: error }, 'staff mail sender failed');
    } finally {
      running = false;
    }
  };
  globalForSender.staffMailSender = setInterval(() => void tick(), INTERVAL_MS);
  globalForSender.staffMailSender.unref();
  void tick();
}
