import { FORM_BODIES, readBody } from '@/lib/http/body';
import { errorResponse } from '@/lib/http/errors';
import { PRIVATE_NO_STORE } from '@/lib/http/headers';
import { otherMethods } from '@/lib/http/methods';
import { guardStaffForm } from '@/lib/staff/guard';
import { parseStaffId, roleFormSchema } from '@/lib/staff/manage';
import { adminPaths } from '@/lib/staff/paths';
import { seeOther } from '@/lib/staff/session';
import { changeRoleOnServer } from '@/lib/staff/staff-admin';

/** POST /admin/staff/{id}/role (admins): role=reporter|editor|admin; never the last admin's. */
export async function POST(request: Request, { params }: RouteContext<'/admin/staff/[id]/role'>) {
  const guard = await guardStaffForm(request, 'staff.manage');
  if (!guard.ok) return guard.response;
  const form = await readBody(request, { limit: 4096, types: FORM_BODIES, schema: roleFormSchema, invalid: 'bad_request', headers: PRIVATE_NO_STORE });
  if (!form.ok) return form.response;
  const id = parseStaffId((await params).id);
  const result = id === null ? ({ ok: false, reason: 'notFound' } as const) : await changeRoleOnServer({ actor: guard.staff, id, role: form.value.role });
  if (!result.ok && result.reason === 'notFound') return errorResponse('not_found', 'no such account', { headers: PRIVATE_NO_STORE });
  return seeOther(`${adminPaths.staff}?notice=${result.ok ? 'roleChanged' : 'lastAdmin'}`);
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
