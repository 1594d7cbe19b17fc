import type { NextRequest } from 'next/server';
import { logContactOutcome, submitContactMessage, type SubmissionResult } from '@/lib/contact/submit';
import { clientIp } from '@/lib/http/client-ip';
import { isSameOrigin } from '@/lib/http/origin';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';
import { requestLog } from '@/lib/log';

/**
 * POST /api/contact: the same submission as the form's, for scripts and load tests. JSON or
 * form-encoded; the fields of the form (`name`, `email`, `topic`, `message`, `consent`,
 * `token`, `locale`). 201 with the reference, 200 for a repeat of the same token, 422 with
 * field errors, 400 for a bad token, 429 with Retry-After, 413, 415, 403 cross-site.
 */
const MAX_BODY_BYTES = 32 * 1024;
const noStore = { 'Cache-Control': 'no-store' };

function fail(status: number, error: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return Response.json({ error, ...extra }, { status, headers: { ...noStore, ...headers } });
}

function answer(result: SubmissionResult): Response {
  switch (result.kind) {
    case 'sent':
      return Response.json({ reference: result.reference }, { status: result.duplicate ? 200 : 201, headers: noStore });
    case 'invalid':
      return fail(422, 'invalid fields', { fields: result.errors });
    case 'token':
      return fail(400, `form token ${result.reason}`);
    case 'blocked':
      return fail(400, 'rejected');
    case 'rate-limited':
      return fail(429, 'too many messages', { retryAfter: result.retryAfterSeconds }, { 'Retry-After': String(result.retryAfterSeconds) });
  }
}

export async function POST(request: NextRequest) {
  const log = requestLog(request.headers);
  /** Refused before the submission is looked at: the log gets the reason code and the status. */
  const refuse = (status: number, reason: string, error: string) => {
    log.info({ event: 'contact.refused', reason, via: 'api', status }, 'contact message refused');
    return fail(status, error);
  };
  if (!isSameOrigin(request)) return refuse(403, 'cross-site', 'cross-site request');
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > MAX_BODY_BYTES) return refuse(413, 'too-large', 'body too large');
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (type !== 'application/json' && type !== 'application/x-www-form-urlencoded') {
    return refuse(415, 'content-type', 'send application/json or application/x-www-form-urlencoded');
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return refuse(413, 'too-large', 'body too large');
  let raw: Record<string, unknown>;
  try {
    raw = type === 'application/json' ? (JSON.parse(text) as Record<string, unknown>) : Object.fromEntries(new URLSearchParams(text));
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('not an object');
  } catch {
    return refuse(400, 'malformed', 'malformed body');
  }
  const locale = isLocale(raw.locale) ? raw.locale : defaultLocale;
  const result = submitContactMessage(raw, {
    locale,
    ip: clientIp(request.headers),
    userAgent: request.headers.get('user-agent') ?? '',
  });
  const response = answer(result);
  logContactOutcome(log, result, { via: 'api', status: response.status });
  return response;
}
