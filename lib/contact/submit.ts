import crypto from 'node:crypto';
import { getDb } from '../db/connection';
import { insertContactMessage } from '../db/messages';
import type { Locale } from '../i18n/locales';
import { keyedHash } from '../secrets';
import { site } from '../site';
import { enqueueStaffNotification } from '../staff/notify';
import { validateContact, type Field, type FieldError } from './schema';
import { checkFormToken } from './token';

/*
 * Taking a reader's message: token (fill time, idempotency), honeypot, validation, rate limit,
 * storage. One function for the form's server action and for POST /api/contact.
 */

export const RATE_LIMIT = { max: 5, windowMs: 10 * 60_000 };
/** The hidden field a person never fills in. */
export const HONEYPOT_FIELD = 'website';

export interface SubmissionContext {
  locale: Locale;
  ip: string;
  userAgent: string;
  now?: number;
}

export type SubmissionResult =
  | { kind: 'sent'; reference: string; duplicate: boolean }
  | { kind: 'invalid'; errors: Partial<Record<Field, FieldError>> }
  /** The token is missing, forged, too fresh (a bot) or too old: the form must be sent again. */
  | { kind: 'token'; reason: 'invalid' | 'too-fast' | 'expired' }
  | { kind: 'blocked' }
  | { kind: 'rate-limited'; retryAfterSeconds: number };

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** MSG-YYMMDD-XXXXXX: the Shanghai date and six unambiguous random characters. */
export function newReference(now: number): string {
  const day = new Date(now + 8 * 3_600_000).toISOString().slice(2, 10).replace(/-/g, '');
  const random = [...crypto.randomBytes(6)].map((b) => REFERENCE_ALPHABET[b % 32]).join('');
  return `MSG-${day}-${random}`;
}

export function submitContactMessage(raw: Record<string, unknown>, context: SubmissionContext): SubmissionResult {
  const now = context.now ?? Date.now();
  if (typeof raw[HONEYPOT_FIELD] === 'string' && raw[HONEYPOT_FIELD] !== '') return { kind: 'blocked' };
  const token = checkFormToken(typeof raw.token === 'string' ? raw.token : '', now);
  const validation = validateContact(raw);
  if (!validation.ok) return { kind: 'invalid', errors: validation.errors };
  if (!token.ok) return { kind: 'token', reason: token.reason };
  const input = validation.value;
  const outcome = insertContactMessage(
    getDb(),
    {
      reference: newReference(now),
      idempotencyKey: token.key,
      receivedMs: now,
      locale: context.locale,
      name: input.name,
      email: input.email,
      topic: input.topic,
      message: input.message,
      consentMs: now,
      policyVersion: site.legalUpdatedAt,
      ipHash: keyedHash('ip', context.ip),
      userAgent: context.userAgent.slice(0, 400),
    },
    RATE_LIMIT,
    // The staff email is queued in the same transaction: stored together or not at all.
    (id) => enqueueStaffNotification(getDb(), id),
  );
  if (outcome.kind === 'rate-limited') {
    return { kind: 'rate-limited', retryAfterSeconds: Math.max(1, Math.ceil(outcome.retryAfterMs / 1000)) };
  }
  return { kind: 'sent', reference: outcome.reference, duplicate: outcome.kind === 'duplicate' };
}
