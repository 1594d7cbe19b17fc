import { isSameOrigin } from '@/lib/http/origin';
import { changeMessageStatus, safeInboxReturn, statusChangeSchema } from '@/lib/staff/inbox';
import { adminPaths } from '@/lib/staff/paths';
import { currentStaff, seeOther } from '@/lib/staff/session';

/** POST /admin/messages/{reference}/status: the detail page's buttons (status=read|replied|spam), then back. */
export async function POST(request: Request, { params }: RouteContext<'/admin/messages/[reference]/status'>) {
  if (!(await currentStaff())) return seeOther(adminPaths.login);
  const noStore = { 'Cache-Control': 'private, no-store' };
  if (!isSameOrigin(request)) return new Response('Cross-site request refused', { status: 403, headers: noStore });
  const form = await request.formData().catch(() => null);
  const parsed = statusChangeSchema.safeParse({ status: form?.get('status') });
  if (!parsed.success) return new Response('Unknown status', { status: 400, headers: noStore });
  const reference = (await params).reference;
  if (!changeMessageStatus(reference, parsed.data.status)) return new Response('No such message', { status: 404, headers: noStore });
  return seeOther(safeInboxReturn(form?.get('return'), adminPaths.message(reference)));
}
