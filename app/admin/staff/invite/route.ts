import { FORM_BODIES, readBody } from '@/lib/http/body';
import { PRIVATE_NO_STORE } from '@/lib/http/headers';
import { otherMethods } from '@/lib/http/methods';
import { guardStaffForm } from '@/lib/staff/guard';
import { inviteFormSchema } from '@/lib/staff/manage';
import { adminPaths } from '@/lib/staff/paths';
import { seeOther } from '@/lib/staff/session';
import { invitationCookie, inviteOnServer } from '@/lib/staff/staff-admin';

/** POST /admin/staff/invite (admins): a one-time link for an address and a role, shown once on /admin/staff. */
export async function POST(request: Request) {
  const guard = await guardStaffForm(request, 'staff.manage');
  if (!guard.ok) return guard.response;
  const form = await readBody(request, { limit: 4096, types: FORM_BODIES, schema: inviteFormSchema, headers: PRIVATE_NO_STORE });
  if (!form.ok) return form.code === 'invalid_fields' ? seeOther(`${adminPaths.staff}?notice=invalidEmail`) : form.response;
  const result = await inviteOnServer({ actor: guard.staff, email: form.value.email, role: form.value.role });
  if (!result.ok) return seeOther(`${adminPaths.staff}?notice=exists`);
  return seeOther(`${adminPaths.staff}?notice=invited#invitation`, { 'Set-Cookie': invitationCookie(request, result.token) });
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
