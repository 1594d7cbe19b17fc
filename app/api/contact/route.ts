import type { NextRequest } from 'next/server';
import { logContactOutcome, submitContactMessage, type SubmissionResult, UNAVAILABLE_RETRY_SECONDS } from '@/lib/contact/submit';
import { JSON_BODY, readBody, URLENCODED_BODY } from '@/lib/http/body';
import { clientIp } from '@/lib/http/client-ip';
import { errorResponse, type ErrorCode } from '@/lib/http/errors';
import { refuseCrossSite } from '@/lib/http/guards';
import { NO_STORE } from '@/lib/http/headers';
import { otherMethods } from '@/lib/http/methods';
import { defaultLocale, isLocale } from '@/lib/i18n/locales';
import { requestLog } from '@/lib/log';

/**
 * POST /api/contact: the same submission as the form's, for scripts and load tests. JSON or
 * form-encoded; the fields of the form (`name`, `email`, `topic`, `message`, `consent`,
 * `token`, `locale`). 201 with the reference, 200 for a repeat of the same token, 422 with
 * field errors, 400 for a bad token, 429 with Retry-After, 413, 415, 403 cross-site, 503 with
 * Retry-After when the database cannot be reached (nothing stored: send the same form again).
 */
const MAX_BODY_BYTES = 32 * 1024;

/** The log's reason codes for requests refused before the submission is looked at. */
const REFUSAL_REASON: Partial<Record<ErrorCode, string>> = {
  cross_site: 'cross-site',
  payload_too_large: 'too-large',
  unsupported_media_type: 'content-type',
  malformed_body: 'malformed',
};

function answer(result: SubmissionResult): Response {
  switch (result.kind) {
    case 'sent':
      return Response.json({ reference: result.reference }, { status: result.duplicate ? 200 : 201, headers: NO_STORE });
    case 'invalid':
      return errorResponse('invalid_fields', 'some fields are invalid', { fields: result.errors });
    case 'token':
      return errorResponse('invalid_token', `the form token is ${result.reason}: load the form again`);
    case 'blocked':
      return errorResponse('rejected', 'the message was not accepted');
    case 'rate-limited':
      return errorResponse('rate_limited', 'too many messages from this address; try again later', {
        headers: { 'Retry-After': String(result.retryAfterSeconds) },
      });
    case 'unavailable':
      return errorResponse('unavailable', 'the message could not be stored just now; send it again in a few seconds', {
        headers: { 'Retry-After': String(UNAVAILABLE_RETRY_SECONDS) },
      });
  }
}

export async function POST(request: NextRequest) {
  const log = requestLog(request.headers);
  /** Refused before the submission is looked at: the log gets the reason code and the status. */
  const refuse = (code: ErrorCode, response: Response) => {
    log.info({ event: 'contact.refused', reason: REFUSAL_REASON[code] ?? code, via: 'api', status: response.status }, 'contact message refused');
    return response;
  };
  const crossSite = refuseCrossSite(request);
  if (crossSite) return refuse('cross_site', crossSite);
  const body = await readBody(request, { limit: MAX_BODY_BYTES, types: [JSON_BODY, URLENCODED_BODY] });
  if (!body.ok) return refuse(body.code, body.response);
  const raw = body.value;
  const result = await submitContactMessage(raw, {
    locale: isLocale(raw.locale) ? raw.locale : defaultLocale,
    ip: clientIp(request.headers),
    userAgent: request.headers.get('user-agent') ?? '',
  });
  const response = answer(result);
  logContactOutcome(log, result, { via: 'api', status: response.status });
  return response;
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
