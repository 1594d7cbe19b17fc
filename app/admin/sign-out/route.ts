import { isSameOrigin } from '@/lib/http/origin';
import { adminPaths } from '@/lib/staff/paths';
import { clearedSessionCookie, endCurrentSession, seeOther } from '@/lib/staff/session';

/** POST /admin/sign-out: ends the session (deletes it from the database) and clears the cookie. */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return new Response('Cross-site request refused', { status: 403, headers: { 'Cache-Control': 'private, no-store' } });
  await endCurrentSession();
  return seeOther(`${adminPaths.login}?notice=signedOut`, { 'Set-Cookie': clearedSessionCookie(request) });
}
