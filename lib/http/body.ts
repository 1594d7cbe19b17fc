import type { z } from 'zod';
import { errorResponse, type ErrorCode, type FieldErrors } from './errors';

/*
 * Reading a request body: its type, its size, its syntax and its fields, in that order, each
 * refusal in the one error shape (./errors.ts). Handlers get typed values or a Response to
 * return as it is.
 */

/**
 * The largest body any handler takes (the newsroom's article, 1 MB). The production server
 * refuses a larger declared body before Next.js and passes no more than this of a chunked one
 * on (server/gate.ts): Next.js reads a request's body as fast as it arrives, whether or not
 * the handler reads it. Every `limit` must be at most this.
 */
export const LARGEST_BODY = 1024 * 1024;

export const JSON_BODY = 'application/json';
export const URLENCODED_BODY = 'application/x-www-form-urlencoded';
export const MULTIPART_BODY = 'multipart/form-data';
export type BodyType = typeof JSON_BODY | typeof URLENCODED_BODY | typeof MULTIPART_BODY;
/** What an HTML form may send, depending on its `enctype`. */
export const FORM_BODIES: readonly BodyType[] = [URLENCODED_BODY, MULTIPART_BODY];

/** A body's fields before validation: a JSON object, or a form's entries (strings, or files from multipart). */
export type RawFields = Record<string, unknown>;

export interface BodyOptions {
  /** The most bytes read; a larger body is answered 413 without reading the rest. */
  limit: number;
  /** The Content-Types accepted (parameters such as `charset` are ignored); others get 415. */
  types: readonly BodyType[];
  /**
   * How fields the schema refuses are answered: 422 `invalid_fields` with `fields` (the
   * default, for APIs), or 400 `bad_request` (a value no page of ours ever posts, such as an
   * unknown consent choice).
   */
  invalid?: 'invalid_fields' | 'bad_request';
  /** Headers for the refusals besides `no-store` (the staff area's `private, no-store`). */
  headers?: Record<string, string>;
}

export type BodyResult<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; response: Response };

/**
 * The media type of a Content-Type header, lower-cased and without parameters:
 * `Application/JSON; charset=utf-8` → `application/json`.
 */
export function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * A body's bytes, or `undefined` as soon as there are more than `limit` of them, whatever the
 * client declared: a chunked body or a Content-Length that lies is read only up to the limit,
 * so memory holds at most `limit` (plus one chunk) however much is sent.
 *
 * Past the limit the reader stops pulling but does not cancel the stream: under Node's HTTP
 * server, cancelling a request's body destroys the socket, and the 413 would never reach the
 * client. Not pulled, the rest stays in the kernel's buffers (TCP pushes back on the sender)
 * until the 413, sent with `Connection: close`, ends the connection.
 */
export async function readLimited(stream: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (!stream) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) return undefined;
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** A zod error as the `fields` of a 422: the first problem of each field, by dotted path. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) fields[issue.path.map(String).join('.') || '(body)'] ??= issue.message;
  return fields;
}

/** The fields of a form body; a name sent twice keeps its first value (as FormData.get does). */
async function formFields(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<RawFields | undefined> {
  try {
    const form = await new Response(bytes, { headers: { 'Content-Type': contentType } }).formData();
    const fields: RawFields = {};
    for (const [name, value] of form) if (!(name in fields)) fields[name] = value;
    return fields;
  } catch {
    return undefined;
  }
}

function jsonObject(bytes: Uint8Array): RawFields | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    // Every JSON body here is an object of fields: an array, a string or null is not ours.
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as RawFields) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The body of `request` as fields, checked against `options` and, when given, `schema`:
 * 415 for another Content-Type, 413 past the limit (before reading when Content-Length says
 * so), 400 `malformed_body` when it does not parse, then the schema's refusal (422 or 400).
 */
export async function readBody<S extends z.ZodType>(
  request: Request,
  options: BodyOptions & { schema: S },
): Promise<BodyResult<z.output<S>>>;
export async function readBody(request: Request, options: BodyOptions): Promise<BodyResult<RawFields>>;
export async function readBody(request: Request, options: BodyOptions & { schema?: z.ZodType }): Promise<BodyResult<unknown>> {
  if (options.limit > LARGEST_BODY) throw new Error(`a body limit over LARGEST_BODY (${LARGEST_BODY} bytes): raise it first`);
  const fail = (code: ErrorCode, message: string, extra: { fields?: FieldErrors; headers?: Record<string, string> } = {}) => ({
    ok: false as const,
    code,
    response: errorResponse(code, message, { fields: extra.fields, headers: { ...options.headers, ...extra.headers } }),
  });
  // The body is left unread on these two: the connection is closed rather than drained.
  const close = { Connection: 'close' };
  const contentType = request.headers.get('content-type') ?? '';
  const type = options.types.find((accepted) => accepted === mediaType(contentType));
  if (!type) return fail('unsupported_media_type', `send ${options.types.join(' or ')}`, { headers: close });
  const tooLarge = () => fail('payload_too_large', `the body is larger than ${options.limit} bytes`, { headers: close });
  if (Number(request.headers.get('content-length')) > options.limit) return tooLarge();

  const bytes = await readLimited(request.body, options.limit);
  if (!bytes) return tooLarge();
  const fields = type === JSON_BODY ? jsonObject(bytes) : await formFields(bytes, contentType);
  if (!fields) return fail('malformed_body', type === JSON_BODY ? 'the body is not a JSON object' : 'the body is not a well-formed form');
  if (!options.schema) return { ok: true, value: fields };

  const parsed = options.schema.safeParse(fields);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = fieldErrors(parsed.error);
  if (options.invalid === 'bad_request') {
    const [field, problem] = Object.entries(problems)[0]!;
    return fail('bad_request', `${field}: ${problem}`);
  }
  return fail('invalid_fields', 'some fields are invalid', { fields: problems });
}
