import type { ServedMethod } from '../routing/methods';
import { FORM_BODIES, readBody } from './body';
import { errorResponse } from './errors';
import { methodNotAllowed } from './methods';

/**
 * The most a page's form may post: the contact form's server action (5,000 characters of
 * message fit many times). next.config.ts gives Next.js's own server-action limit the same
 * value.
 */
export const FORM_ACTION_LIMIT = 64 * 1024;

/** multipart/form-data without its boundary cannot be parsed at all: it counts as another type. */
const FORM_TYPE = /^(multipart\/form-data; *boundary=.{1,70}|application\/x-www-form-urlencoded)/i;

/**
 * What can be told of a post to a page's form from its headers alone: another type (415), no
 * Content-Length (a chunked post is not a browser's form: 400), or more than the form's limit
 * (413), all with `Connection: close`, as the body is left unread. Null when the headers are a
 * form's. The production server asks this before Next.js reads any of the body (Next.js would
 * read all of a chunked one); proxy.ts asks it again, for `next dev`.
 */
export function refusePageFormHeaders(headers: Headers): Response | null {
  const close = { Connection: 'close' };
  if (!FORM_TYPE.test(headers.get('content-type') ?? '')) {
    return errorResponse('unsupported_media_type', `send ${FORM_BODIES.join(' or ')}`, { headers: close });
  }
  // Next.js's action handler needs the length.
  const length = Number(headers.get('content-length'));
  if (!(length > 0) || headers.has('transfer-encoding')) {
    return errorResponse('bad_request', 'a form post needs a body and its Content-Length', { headers: close });
  }
  if (length > FORM_ACTION_LIMIT) {
    return errorResponse('payload_too_large', `the body is larger than ${FORM_ACTION_LIMIT} bytes`, { headers: close });
  }
  return null;
}

/**
 * For proxy.ts: pages take POST only where a form posts to them (the contact form's server
 * action: `served`, from lib/routing/methods.ts) and only as a form with a body; anything else
 * is refused here, before Next.js tries to read it as an action (an empty or broken multipart
 * body made that a 500). Null when the post may go on to Next.js.
 */
export async function refusePagePost(request: Request, served: readonly ServedMethod[]): Promise<Response | null> {
  if (request.method !== 'POST') return null;
  if (!served.includes('POST')) return methodNotAllowed(request.method, served);
  const refused = refusePageFormHeaders(request.headers);
  if (refused) return refused;
  // With JavaScript the form posts with a Next-Action header, which Next.js checks itself.
  // Without, the action travels in the body as `$ACTION_…` fields: a body that does not parse
  // as a form, or carries no action, is not ours (Next.js would answer it with a 500). A copy
  // is read, so that Next.js still gets the body.
  if (request.headers.has('next-action')) return null;
  const form = await readBody(request.clone(), { limit: FORM_ACTION_LIMIT, types: FORM_BODIES });
  if (!form.ok) return form.response;
  if (Object.keys(form.value).some((name) => name.startsWith('$ACTION_'))) return null;
  return errorResponse('bad_request', 'the form names no action of this page');
}
