import { FORM_BODIES, readBody } from '@/lib/http/body';
import { errorResponse } from '@/lib/http/errors';
import { PRIVATE_NO_STORE } from '@/lib/http/headers';
import { otherMethods } from '@/lib/http/methods';
import { guardStaffForm } from '@/lib/staff/guard';
import { parseStaffId, statusFormSchema } from '@/lib/staff/manage';
import { adminPaths } from '@/lib/staff/paths';
import { seeOther } from '@/lib/staff/session';
import { setDisabledOnServer } from '@/lib/staff/staff-admin';

/** POST /admin/staff/{id}/status (admins): status=disabled (its sessions end) or active; never the last admin. */
export async function POST(request: Request, { params }: RouteContext<'/admin/staff/[id]/status'>) {
  const guard = await guardStaffForm(request, 'staff.manage');
  if (!guard.ok) return guard.response;
  const form = await readBody(request, { limit: 4096, types: FORM_BODIES, schema: statusFormSchema, invalid: 'bad_request', headers: PRIVATE_NO_STORE });
  if (!form.ok) return form.response;
  const id = parseStaffId((await params).id);
  const disabled = form.value.status === 'disabled';
  const result = id === null ? ({ ok: false, reason: 'notFound' } as const) : await setDisabledOnServer({ actor: guard.staff, id, disabled });
  if (!result.ok && result.reason === 'notFound') return errorResponse('not_found', 'no such account', { headers: PRIVATE_NO_STORE });
  if (!result.ok) return seeOther(`${adminPaths.staff}?notice=lastAdmin`);
  // Disabling oneself ends one's own session too: the login page says so.
  if (disabled && id === guard.staff.id) return seeOther(adminPaths.login);
  return seeOther(`${adminPaths.staff}?notice=${disabled ? 'disabled' : 'enabled'}`);
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
