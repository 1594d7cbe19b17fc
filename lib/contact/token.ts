import crypto from 'node:crypto';
import { appSecret } from '../secrets';

/*
 * The form token: issued when the form is rendered, signed, and sent back with the message.
 * It proves a minimum fill time (bots post at once) and, being unique, is the submission's
 * idempotency key: a retried post of the same form finds the message it already created.
 * Format: `{issued ms}.{random}.{signature}`.
 */

export const MIN_FILL_MS = 3_000;
export const MAX_TOKEN_AGE_MS = 24 * 3_600_000;

function sign(payload: string): string {
  return crypto.createHmac('sha256', appSecret()).update(`contact-form\0${payload}`).digest('base64url');
}

export function issueFormToken(now = Date.now()): string {
  const payload = `${now}.${crypto.randomBytes(12).toString('base64url')}`;
  return `${payload}.${sign(payload)}`;
}

export type TokenCheck = { ok: true; key: string } | { ok: false; reason: 'invalid' | 'too-fast' | 'expired' };

export function checkFormToken(token: string, now = Date.now()): TokenCheck {
  const match = /^([0-9]{13})\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: 'invalid' };
  const payload = `${match[1]}.${match[2]}`;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(match[3]!);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' };
  const age = now - Number(match[1]);
  if (age < MIN_FILL_MS) return { ok: false, reason: 'too-fast' };
  if (age > MAX_TOKEN_AGE_MS) return { ok: false, reason: 'expired' };
  return { ok: true, key: payload };
}
