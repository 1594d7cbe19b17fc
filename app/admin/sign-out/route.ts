import { refuseCrossSiteStaff } from '@/lib/http/guards';
import { otherMethods } from '@/lib/http/methods';
import { adminPaths } from '@/lib/staff/paths';
import { clearedSessionCookie, endCurrentSession, seeOther } from '@/lib/staff/session';

/** POST /admin/sign-out: ends the session (deletes it from the database) and clears the cookie. */
export async function POST(request: Request) {
  const crossSite = refuseCrossSiteStaff(request);
  if (crossSite) return crossSite;
  await endCurrentSession();
  return seeOther(`${adminPaths.login}?notice=signedOut`, { 'Set-Cookie': clearedSessionCookie(request) });
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
