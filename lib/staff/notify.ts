import type { Database } from '../db/database';
import { findInboxMessageById } from '../db/inbox';
import { insertOutboxMail } from '../db/outbox';
import { site } from '../site';
import { adminPaths } from './paths';
import { headerSafe, mailSettingsFromEnv, type MailSettings } from './mail';

/**
 * Queues the staff notification for a new message. Call it inside the transaction that stores
 * the message: it only writes a mail_outbox row (the sender delivers it later), so the message
 * and its notification are stored together or not at all. Does nothing without SMTP settings.
 */
export async function enqueueStaffNotification(
  db: Database,
  messageId: number,
  settings: MailSettings | null = mailSettingsFromEnv(),
  now = Date.now(),
): Promise<void> {
  if (!settings) return;
  const message = await findInboxMessageById(db, messageId);
  if (!message) throw new Error(`No contact message with id ${messageId}`);
  const received = new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: site.timeZone,
  }).format(message.receivedMs);
  const body = [
    `Reference: ${message.reference}`,
    `Received: ${received} (${site.timeZone})`,
    `Language: ${message.locale}`,
    `Topic: ${message.topic}`,
    // One-line fields stay on their line, so a name cannot pose as another field.
    `Name: ${headerSafe(message.name)}`,
    `Email: ${headerSafe(message.email)}`,
    '',
    message.message,
    '',
    `Open in the inbox: ${site.url}${adminPaths.message(message.reference)}`,
    '',
  ].join('\n');
  await insertOutboxMail(db, {
    messageId,
    recipients: settings.to.join(', '),
    subject: headerSafe(`[${message.reference}] New message: ${message.topic}`),
    body,
    now,
  });
}
