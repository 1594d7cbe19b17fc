import { PRIVATE_NO_STORE } from '@/lib/http/headers';
import { otherMethods } from '@/lib/http/methods';
import { inboxCsv, parseInboxQuery } from '@/lib/staff/inbox';
import { adminPaths } from '@/lib/staff/paths';
import { currentStaff, seeOther } from '@/lib/staff/session';

/** GET /admin/messages.csv?q=&status=: the inbox's matching messages as a spreadsheet-safe CSV download. */
export async function GET(request: Request) {
  if (!(await currentStaff())) return seeOther(adminPaths.login);
  const query = parseInboxQuery(new URL(request.url).searchParams);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(await inboxCsv(query), {
    headers: {
      ...PRIVATE_NO_STORE,
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="messages-${day}.csv"`,
      'X-Robots-Tag': 'noindex, nofollow',
    },
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
