import crypto from 'node:crypto';
import { getDatabase } from '../db/database';
import { isDatabaseUnavailable } from '../db/engine';
import { type InsertOutcome, insertContactMessage } from '../db/messages';
import type { Locale } from '../i18n/locales';
import type { Logger } from '../log';
import { keyedHash } from '../secrets';
import { site } from '../site';
import { enqueueStaffNotification } from '../staff/notify';
import { shanghaiDate } from '../time';
import { type ContactInput, validateContact, type Field, type FieldError } from './schema';
import { checkFormToken } from './token';

/*
 * Taking a reader's message: token (fill time, idempotency), honeypot, validation, rate limit,
 * storage. One function for the form's server action and for POST /api/contact.
 */

export const RATE_LIMIT = { max: 5, windowMs: 10 * 60_000 };
const REFERENCE_ATTEMPTS = 5;
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
  /** `client` is a short keyed hash of the address, for the log (the same key as the stored ip_hash). */
  | { kind: 'rate-limited'; retryAfterSeconds: number; client: string }
  /** The database cannot be reached just now: nothing was stored, the visitor may send again. */
  | { kind: 'unavailable' };

/** How long a visitor is asked to wait when the database is unreachable (Retry-After). */
export const UNAVAILABLE_RETRY_SECONDS = 5;

const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** MSG-YYMMDD-XXXXXX: the Shanghai date and six unambiguous random characters. */
export function newReference(now: number): string {
  const day = shanghaiDate(now).slice(2).replace(/-/g, '');
  const random = [...crypto.randomBytes(6)].map((b) => REFERENCE_ALPHABET[b % 32]).join('');
  return `MSG-${day}-${random}`;
}

/**
 * What makes two submissions the same: the form's token and what was written. A double click
 * or a resend of the same form finds the first message; a reader who goes back, edits and
 * sends again with the same token has written a new message, and it is stored as one.
 */
function submissionKey(tokenKey: string, input: ContactInput): string {
  const content = crypto
    .createHash('sha256')
    .update([input.name, input.email, input.topic, input.message].join('\0'))
    .digest('base64url')
    .slice(0, 22);
  return `${tokenKey}.${content}`;
}

export async function submitContactMessage(raw: Record<string, unknown>, context: SubmissionContext): Promise<SubmissionResult> {
  const now = context.now ?? Date.now();
  if (typeof raw[HONEYPOT_FIELD] === 'string' && raw[HONEYPOT_FIELD] !== '') return { kind: 'blocked' };
  const token = checkFormToken(typeof raw.token === 'string' ? raw.token : '', now);
  const validation = validateContact(raw);
  if (!validation.ok) return { kind: 'invalid', errors: validation.errors };
  if (!token.ok) return { kind: 'token', reason: token.reason };
  const input = validation.value;
  const ipHash = keyedHash('ip', context.ip);
  const message = {
    reference: newReference(now),
    idempotencyKey: submissionKey(token.key, input),
    receivedMs: now,
    locale: context.locale,
    name: input.name,
    email: input.email,
    topic: input.topic,
    message: input.message,
    consentMs: now,
    policyVersion: site.legalUpdatedAt,
    ipHash,
    userAgent: context.userAgent.slice(0, 400),
  };
  let outcome: InsertOutcome = { kind: 'reference-taken' };
  try {
    // A reference is 30 random bits per day: thousands of messages a day make a clash rare, not
    // impossible (about 4% at 10,000 in a day), so a clash is retried with a fresh one.
    for (let attempt = 0; attempt < REFERENCE_ATTEMPTS && outcome.kind === 'reference-taken'; attempt++) {
      const reference = attempt === 0 ? message.reference : newReference(now);
      // The staff email is queued in the same transaction: stored together or not at all.
      outcome = await insertContactMessage(await getDatabase(), { ...message, reference }, RATE_LIMIT, (trx, id) =>
        enqueueStaffNotification(trx, id),
      );
    }
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { kind: 'unavailable' };
    throw error;
  }
  if (outcome.kind === 'reference-taken') throw new Error(`no free message reference in ${REFERENCE_ATTEMPTS} attempts`);
  if (outcome.kind === 'rate-limited') {
    return {
      kind: 'rate-limited',
      retryAfterSeconds: Math.max(1, Math.ceil(outcome.retryAfterMs / 1000)),
      client: ipHash.slice(0, 16),
    };
  }
  return { kind: 'sent', reference: outcome.reference, duplicate: outcome.kind === 'duplicate' };
}

/** Why a submission was refused, as a code for the log. */
function refusalReason(result: Exclude<SubmissionResult, { kind: 'sent' } | { kind: 'rate-limited' }>): string {
  switch (result.kind) {
    case 'unavailable':
      return 'database-unavailable';
    case 'invalid':
      return 'invalid';
    case 'token':
      return `token-${result.reason}`;
    case 'blocked':
      return 'honeypot';
  }
}

/**
 * The log line of a submission: the reference, or a reason code (with the names of the fields
 * that were wrong), never what the visitor wrote or who they are. `status` is the HTTP status
 * answered (the API's; the form's server action has none of its own).
 */
export function logContactOutcome(logger: Logger, result: SubmissionResult, extra: { via: 'api' | 'form'; status?: number }): void {
  switch (result.kind) {
    case 'sent':
      logger.info({ event: 'contact.stored', reference: result.reference, duplicate: result.duplicate, ...extra }, 'contact message stored');
      return;
    case 'rate-limited':
      logger.warn(
        { event: 'contact.rate-limited', client: result.client, retryAfter: result.retryAfterSeconds, ...extra },
        'contact message rate-limited',
      );
      return;
    default:
      logger.info(
        {
          event: 'contact.refused',
          reason: refusalReason(result),
          ...(result.kind === 'invalid' ? { fields: Object.keys(result.errors) } : {}),
          ...extra,
        },
        'contact message refused',
      );
  }
}
