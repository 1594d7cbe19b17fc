import { FORM_BODIES, readBody } from '@/lib/http/body';
import { errorResponse } from '@/lib/http/errors';
import { refuseCrossSiteStaff } from '@/lib/http/guards';
import { PRIVATE_NO_STORE } from '@/lib/http/headers';
import { otherMethods } from '@/lib/http/methods';
import { changeMessageStatus, safeInboxReturn, statusChangeSchema } from '@/lib/staff/inbox';
import { adminPaths } from '@/lib/staff/paths';
import { currentStaff, seeOther } from '@/lib/staff/session';

/** POST /admin/messages/{reference}/status: the detail page's buttons (status=read|replied|spam), then back. */
export async function POST(request: Request, { params }: RouteContext<'/admin/messages/[reference]/status'>) {
  if (!(await currentStaff())) return seeOther(adminPaths.login);
  const crossSite = refuseCrossSiteStaff(request);
  if (crossSite) return crossSite;
  // The buttons send two short hidden fields; a status they never send is no request of ours (400).
  const form = await readBody(request, {
    limit: 4096,
    types: FORM_BODIES,
    schema: statusChangeSchema,
    invalid: 'bad_request',
    headers: PRIVATE_NO_STORE,
  });
  if (!form.ok) return form.response;
  const reference = (await params).reference;
  if (!(await changeMessageStatus(reference, form.value.status))) {
    return errorResponse('not_found', 'no such message', { headers: PRIVATE_NO_STORE });
  }
  return seeOther(safeInboxReturn(form.value.return, adminPaths.message(reference)));
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
