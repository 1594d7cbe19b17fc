import { FORM_BODIES, readBody } from '@/lib/http/body';
import { PRIVATE_NO_STORE } from '@/lib/http/headers';
import { otherMethods } from '@/lib/http/methods';
import { isSameOrigin } from '@/lib/http/origin';
import { requestLog } from '@/lib/log';
import { accountHash, signInFormSchema } from '@/lib/staff/auth';
import { adminPaths } from '@/lib/staff/paths';
import { clientIpHash, seeOther, sessionCookie, signInStaff } from '@/lib/staff/session';

/** The longest login form body: the schema's 254 + 1,000 characters, percent-encoded UTF-8 at worst, and room. */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * POST /admin/sign-in: the login form. Success sets the session cookie; failure goes back with
 * a notice (a person sees the login page, not an error body). A body that is no form at all
 * gets the one error shape (lib/http/errors.ts).
 */
export async function POST(request: Request) {
  if (!isSameOrigin(request, { credentialed: true })) return seeOther(`${adminPaths.login}?notice=forbidden`);
  const form = await readBody(request, { limit: MAX_BODY_BYTES, types: FORM_BODIES, schema: signInFormSchema, headers: PRIVATE_NO_STORE });
  if (!form.ok) return form.code === 'invalid_fields' ? seeOther(`${adminPaths.login}?notice=invalid`) : form.response;
  const { email, password } = form.value;
  const ipHash = clientIpHash(request);
  const result = await signInStaff({ email, password, ipHash, now: Date.now() });
  const log = requestLog(request.headers);
  if (!result.ok) {
    // Keyed hashes (the keys of the failure counters): repeated attempts on one account or from
    // one address can be told apart without the log holding either.
    log.warn(
      { event: 'staff.sign-in-failed', reason: result.reason, account: accountHash(email).slice(0, 16), client: ipHash.slice(0, 16) },
      'staff sign-in refused',
    );
    return seeOther(`${adminPaths.login}?notice=${result.reason}`);
  }
  log.info({ event: 'staff.sign-in', staffId: result.staff.id }, 'staff signed in');
  return seeOther(adminPaths.messages, { 'Set-Cookie': sessionCookie(request, result.token) });
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
