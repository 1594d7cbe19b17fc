import { errorResponse } from '../http/errors';
import { refuseCrossSiteStaff } from '../http/guards';
import { PRIVATE_NO_STORE } from '../http/headers';
import { adminPaths } from './paths';
import { can, type StaffAction, type StaffMember } from './roles';
import { currentStaff, seeOther } from './session';

/**
 * The three checks every state-changing form of the staff area makes on the server, in this
 * order: a session (else to the login page, as a person whose session ran out expects), a post
 * from the site's own pages (else 403: CSRF), and a role that may do `action` (else 403,
 * whatever the page showed: the UI hides, the server decides).
 */
export async function guardStaffForm(
  request: Request,
  action: StaffAction,
): Promise<{ ok: true; staff: StaffMember } | { ok: false; response: Response }> {
  const staff = await currentStaff();
  if (!staff) return { ok: false, response: seeOther(adminPaths.login) };
  const crossSite = refuseCrossSiteStaff(request);
  if (crossSite) return { ok: false, response: crossSite };
  if (!can(staff.role, action)) {
    return { ok: false, response: errorResponse('forbidden', 'your role may not do this', { headers: PRIVATE_NO_STORE }) };
  }
  return { ok: true, staff };
}
