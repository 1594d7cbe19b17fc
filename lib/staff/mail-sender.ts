import nodemailer from 'nodemailer';
import { getDb, type Db } from '../db/connection';
import { claimDueMail, markMailFailed, markMailSent } from '../db/outbox';
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

/** Sends what is due at `now`; returns how many were sent and how many failed. */
export async function deliverDueMail(
  now: number,
  settings: MailSettings | null = mailSettingsFromEnv(),
  db: Db = getDb(),
): Promise<{ sent: number; failed: number }> {
  const result = { sent: 0, failed: 0 };
  if (!settings) return result;
  const due = claimDueMail(db, { now, leaseUntil: now + LEASE_MS, limit: BATCH });
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
        markMailSent(db, { id: mail.id, now });
        result.sent++;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        markMailFailed(db, { id: mail.id, error: message.slice(0, 1000), nextAttemptMs: now + retryDelayMs(mail.attempts + 1) });
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
  if (globalForSender.staffMailSender || !mailSettingsFromEnv()) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await deliverDueMail(Date.now());
    } catch (error) {
      console.error('staff mail sender:', error);
    } finally {
      running = false;
    }
  };
  globalForSender.staffMailSender = setInterval(tick, INTERVAL_MS);
  globalForSender.staffMailSender.unref();
  void tick();
}
