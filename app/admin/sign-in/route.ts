import { getDb } from '@/lib/db/connection';
import { isSameOrigin } from '@/lib/http/origin';
import { signIn } from '@/lib/staff/auth';
import { adminPaths } from '@/lib/staff/paths';
import { clientIpHash, seeOther, sessionCookie } from '@/lib/staff/session';

/** POST /admin/sign-in: the login form. Success sets the session cookie; failure goes back with a notice. */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return seeOther(`${adminPaths.login}?notice=forbidden`);
  const form = await request.formData().catch(() => null);
  const email = form?.get('email');
  const password = form?.get('password');
  if (typeof email !== 'string' || typeof password !== 'string' || email.length > 254 || password.length > 1000) {
    return seeOther(`${adminPaths.login}?notice=invalid`);
  }
  const result = await signIn(getDb(), { email, password, ipHash: clientIpHash(request), now: Date.now() });
  if (!result.ok) return seeOther(`${adminPaths.login}?notice=${result.reason}`);
  return seeOther(adminPaths.messages, { 'Set-Cookie': sessionCookie(request, result.token) });
}
