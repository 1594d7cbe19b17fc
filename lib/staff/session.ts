import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDatabase } from '../db/database';
import { clientIp } from '../http/client-ip';
import { PRIVATE_NO_STORE } from '../http/headers';
import { isHttps } from '../http/origin';
import { keyedHash } from '../secrets';
import { SESSION_SECONDS, signIn, type SignInResult, signOut, staffForSession } from './auth';
import { adminPaths } from './paths';
import { can, type StaffAction, type StaffMember } from './roles';

/** The staff session cookie, scoped to /admin so public pages never receive it. */
export const SESSION_COOKIE = 'staff_session';

/** Every admin page and handler calls this first: the signed-in account, or a redirect to the login page. */
export async function requireStaff(): Promise<StaffMember> {
  const staff = await currentStaff();
  if (!staff) redirect(adminPaths.login);
  return staff;
}

/**
 * For a page only some roles may open: the account, a redirect to the login page, or the
 * staff area's 404 for a role that may not (docs/decisions/0021: a page a role cannot use is
 * not there for it; a form post it cannot make is refused with 403).
 */
export async function requireStaffCan(action: StaffAction): Promise<StaffMember> {
  const staff = await requireStaff();
  if (!can(staff.role, action)) notFound();
  return staff;
}

/** The signed-in account, read once per request (the layout, the header and the page all ask). */
export const currentStaff = cache(async (): Promise<StaffMember | undefined> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return staffForSession(await getDatabase(), token, Date.now());
});

export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

/** The sign-in handler's entry: lib/staff/auth.ts's signIn on the server's database. */
export async function signInStaff(params: Parameters<typeof signIn>[1]): Promise<SignInResult> {
  return signIn(await getDatabase(), params);
}

/** Ends the session whose cookie came with this request (deletes it from the database), if any. */
export async function endCurrentSession(): Promise<void> {
  await signOut(await getDatabase(), await sessionToken());
}

export function sessionCookie(request: Request, token: string): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'Path=/admin',
    `Max-Age=${SESSION_SECONDS}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(isHttps(request) ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookie(request: Request): string {
  return [`${SESSION_COOKIE}=`, 'Path=/admin', 'Max-Age=0', 'HttpOnly', 'SameSite=Lax', ...(isHttps(request) ? ['Secure'] : [])].join(
    '; ',
  );
}

/**
 * The client address, hashed under the app secret (never stored plainly): the one the
 * production server resolved from the socket and the trusted proxies' X-Forwarded-For
 * (lib/http/client-ip.ts). The per-account limit holds whatever the address.
 */
export function clientIpHash(request: Request): string {
  return keyedHash('staff-sign-in-ip', clientIp(request.headers));
}

/** A 303 redirect (the browser follows with GET) that is never cached. */
export function seeOther(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { ...headers, Location: location, ...PRIVATE_NO_STORE } });
}
