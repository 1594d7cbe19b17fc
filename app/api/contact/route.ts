import type { NextRequest } from 'next/server';
import { submitContactMessage } from '@/lib/contact/submit';
import { clientIp } from '@/lib/http/client-ip';
import { isSameOrigin } from '@/lib/http/origin';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';

/**
 * POST /api/contact: the same submission as the form's, for scripts and load tests. JSON or
 * form-encoded; the fields of the form (`name`, `email`, `topic`, `message`, `consent`,
 * `token`, `locale`). 201 with the reference, 200 for a repeat of the same token, 422 with
 * field errors, 400 for a bad token, 429 with Retry-After, 413, 415, 403 cross-site.
 */
const MAX_BODY_BYTES = 32 * 1024;

export async function POST(request: NextRequest) {
  const noStore = { 'Cache-Control': 'no-store' };
  const fail = (status: number, error: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    Response.json({ error, ...extra }, { status, headers: { ...noStore, ...headers } });
  if (!isSameOrigin(request)) return fail(403, 'cross-site request');
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > MAX_BODY_BYTES) return fail(413, 'body too large');
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (type !== 'application/json' && type !== 'application/x-www-form-urlencoded') {
    return fail(415, 'send application/json or application/x-www-form-urlencoded');
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return fail(413, 'body too large');
  let raw: Record<string, unknown>;
  try {
    raw = type === 'application/json' ? (JSON.parse(text) as Record<string, unknown>) : Object.fromEntries(new URLSearchParams(text));
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('not an object');
  } catch {
    return fail(400, 'malformed body');
  }
  const locale = isLocale(raw.locale) ? raw.locale : defaultLocale;
  const result = submitContactMessage(raw, {
    locale,
    ip: clientIp(request.headers),
    userAgent: request.headers.get('user-agent') ?? '',
  });
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
