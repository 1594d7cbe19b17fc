import { env } from '../env';

/** Where staff notifications go and how; null when SMTP is not configured (messages then wait in the inbox). */
export interface MailSettings {
  smtpUrl: string;
  from: string;
  to: string[];
}

export function mailSettingsFromEnv(): MailSettings | null {
  if (!env.SMTP_URL || !env.SMTP_FROM || !env.STAFF_NOTIFY_TO) return null;
  const to = env.STAFF_NOTIFY_TO.split(',')
    .map((address) => headerSafe(address).trim())
    .filter(Boolean);
  return to.length ? { smtpUrl: env.SMTP_URL, from: headerSafe(env.SMTP_FROM), to } : null;
}

/** Text that goes into a mail header: no CR, LF or other line breaks, so nothing can add a header. */
export function headerSafe(text: string): string {
  return text.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ');
}
