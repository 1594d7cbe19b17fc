import { isSameOrigin } from '@/lib/http/origin';
import { requestLog } from '@/lib/log';
import { accountHash } from '@/lib/staff/auth';
import { adminPaths } from '@/lib/staff/paths';
import { clientIpHash, seeOther, sessionCookie, signInStaff } from '@/lib/staff/session';

/** POST /admin/sign-in: the login form. Success sets the session cookie; failure goes back with a notice. */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return seeOther(`${adminPaths.login}?notice=forbidden`);
  const form = await request.formData().catch(() => null);
  const email = form?.get('email');
  const password = form?.get('password');
  if (typeof email !== 'string' || typeof password !== 'string' || email.length > 254 || password.length > 1000) {
    return seeOther(`${adminPaths.login}?notice=invalid`);
  }
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
