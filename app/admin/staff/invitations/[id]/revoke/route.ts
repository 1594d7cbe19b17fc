import { otherMethods } from '@/lib/http/methods';
import { guardStaffForm } from '@/lib/staff/guard';
import { parseStaffId } from '@/lib/staff/manage';
import { adminPaths } from '@/lib/staff/paths';
import { seeOther } from '@/lib/staff/session';
import { revokeInvitationOnServer } from '@/lib/staff/staff-admin';

/** POST /admin/staff/invitations/{id}/revoke (admins): the link stops working at once. */
export async function POST(request: Request, { params }: RouteContext<'/admin/staff/invitations/[id]/revoke'>) {
  const guard = await guardStaffForm(request, 'staff.manage');
  if (!guard.ok) return guard.response;
  const id = parseStaffId((await params).id);
  const revoked = id !== null && (await revokeInvitationOnServer({ actor: guard.staff, id }));
  return seeOther(`${adminPaths.staff}?notice=${revoked ? 'revoked' : 'notRevoked'}`);
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
