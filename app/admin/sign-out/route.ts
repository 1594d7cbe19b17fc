import { getDb } from '@/lib/db/connection';
import { refuseCrossSite } from '@/lib/http/guards';
import { PRIVATE_NO_STORE } from '@/lib/http/headers';
import { otherMethods } from '@/lib/http/methods';
import { signOut } from '@/lib/staff/auth';
import { adminPaths } from '@/lib/staff/paths';
import { clearedSessionCookie, seeOther, sessionToken } from '@/lib/staff/session';

/** POST /admin/sign-out: ends the session (deletes it from the database) and clears the cookie. */
export async function POST(request: Request) {
  const crossSite = refuseCrossSite(request, PRIVATE_NO_STORE);
  if (crossSite) return crossSite;
  signOut(getDb(), await sessionToken());
  return seeOther(`${adminPaths.login}?notice=signedOut`, { 'Set-Cookie': clearedSessionCookie(request) });
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
