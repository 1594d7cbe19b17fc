import { FORM_BODIES, readBody } from '@/lib/http/body';
import { PRIVATE_NO_STORE } from '@/lib/http/headers';
import { otherMethods } from '@/lib/http/methods';
import { safeReturnPath } from '@/lib/routing/rules';
import { guardStaffForm } from '@/lib/staff/guard';
import { localeFormSchema } from '@/lib/staff/manage';
import { adminPaths } from '@/lib/staff/paths';
import { seeOther } from '@/lib/staff/session';
import { setLocaleOnServer } from '@/lib/staff/staff-admin';

/** POST /admin/account/locale: the staff area's language for this account (locale=en|zh), then back. */
export async function POST(request: Request) {
  const guard = await guardStaffForm(request, 'inbox.read');
  if (!guard.ok) return guard.response;
  const form = await readBody(request, { limit: 4096, types: FORM_BODIES, schema: localeFormSchema, invalid: 'bad_request', headers: PRIVATE_NO_STORE });
  if (!form.ok) return form.response;
  await setLocaleOnServer({ actor: guard.staff, locale: form.value.locale });
  return seeOther(safeReturnPath(form.value.return, { prefix: '/admin' }) ?? adminPaths.account);
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
