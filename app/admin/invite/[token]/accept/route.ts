import { FORM_BODIES, readBody } from '@/lib/http/body';
import { refuseCrossSiteStaff } from '@/lib/http/guards';
import { PRIVATE_NO_STORE } from '@/lib/http/headers';
import { otherMethods } from '@/lib/http/methods';
import { acceptFormSchema } from '@/lib/staff/manage';
import { adminPaths } from '@/lib/staff/paths';
import { seeOther } from '@/lib/staff/session';
import { acceptInvitationOnServer } from '@/lib/staff/staff-admin';

/**
 * POST /admin/invite/{token}/accept: the invitee's password. No session (the link is the
 * authority), but the same Origin rule as every staff form. Success leads to the login page.
 */
export async function POST(request: Request, { params }: RouteContext<'/admin/invite/[token]/accept'>) {
  const crossSite = refuseCrossSiteStaff(request);
  if (crossSite) return crossSite;
  const { token } = await params;
  const form = await readBody(request, { limit: 16 * 1024, types: FORM_BODIES, schema: acceptFormSchema, headers: PRIVATE_NO_STORE });
  if (!form.ok) return form.code === 'invalid_fields' ? seeOther(`${adminPaths.invitation(token)}?notice=short`) : form.response;
  const result = await acceptInvitationOnServer({ token, password: form.value.password, confirm: form.value.confirm });
  if (result.ok) return seeOther(`${adminPaths.login}?notice=accepted`);
  return seeOther(result.reason === 'gone' ? adminPaths.invitation(token) : `${adminPaths.invitation(token)}?notice=${result.reason}`);
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
