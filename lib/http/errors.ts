import { NO_STORE } from './headers';

/*
 * One shape for every error an API or form handler answers:
 *
 *   { "error": { "code": "payload_too_large", "message": "the body is larger than 32768 bytes" } }
 *
 * `code` is for programs (stable, snake_case, one status each); `message` is for the person
 * reading a log or a terminal (English, may change). A 422 adds `fields`: field name → what is
 * wrong with it; a 409 names the field that conflicts the same way. Documented in README.md ("Errors").
 */

/** Each code and the one status it is answered with. */
export const ERROR_STATUS = {
  /** A parameter or form value the handler cannot use (unknown choice, bad page number). */
  bad_request: 400,
  /** The body does not parse as its Content-Type says (broken JSON, not an object, broken form). */
  malformed_body: 400,
  /** The contact form's signed token is missing, forged, too fresh or expired. */
  invalid_token: 400,
  /** The contact form's honeypot field was filled in. */
  rejected: 400,
  /** A search longer than SEARCH_QUERY_MAX_CHARS (lib/search/types.ts). */
  query_too_long: 400,
  unauthorized: 401,
  /** A state-changing request from another site's page (lib/http/origin.ts). */
  cross_site: 403,
  /** A staff account whose role may not do what it asked (lib/staff/roles.ts). */
  forbidden: 403,
  /** A view count without statistics consent. */
  no_consent: 403,
  not_found: 404,
  method_not_allowed: 405,
  /** The request contradicts what is stored (a slug or translation pair taken by another article). */
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  /** A byte range of a static file that lies wholly past its end (with `Content-Range: bytes *\/size`). */
  range_not_satisfiable: 416,
  invalid_fields: 422,
  rate_limited: 429,
  /** The database cannot be reached just now (sent with Retry-After); nothing was stored. */
  unavailable: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** What a field is wrong with, by field name (dotted for nested fields: `image.src`). */
export type FieldErrors = Record<string, string>;

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
  fields?: FieldErrors;
}

export interface ErrorOptions {
  /** Only with `invalid_fields` and `conflict`: what is wrong with each field. */
  fields?: FieldErrors;
  /** Added to (or replacing) `Cache-Control: no-store`: Allow, Retry-After, WWW-Authenticate… */
  headers?: Record<string, string>;
}

/** An error answer: the code's status, the JSON shape above, never cached. */
export function errorResponse(code: ErrorCode, message: string, options: ErrorOptions = {}): Response {
  const body: ErrorBody = { error: { code, message }, ...(options.fields ? { fields: options.fields } : {}) };
  return Response.json(body, { status: ERROR_STATUS[code], headers: { ...NO_STORE, ...options.headers } });
}
