import type { NextRequest } from 'next/server';
import { currentConsent, readConsentCookie } from '@/lib/consent/cookie';
import { recordView } from '@/lib/content/most-read';
import { isSameOrigin } from '@/lib/http/origin';

/**
 * POST /api/views {"id": articleId}: counts one article view for the most-read lists.
 * Only with statistics consent (the cookie is checked here too, not only in the browser);
 * nothing about the reader is stored: no IP address, no identifier, no cookie is set.
 */
export async function POST(request: NextRequest) {
  const noStore = { 'Cache-Control': 'no-store' };
  if (!isSameOrigin(request)) return Response.json({ error: 'cross-site' }, { status: 403, headers: noStore });
  if (!currentConsent(readConsentCookie(request.headers.get('cookie')))?.statistics) {
    return Response.json({ error: 'no statistics consent' }, { status: 403, headers: noStore });
  }
  const text = await request.text();
  if (text.length > 200) return Response.json({ error: 'too large' }, { status: 413, headers: noStore });
  let id: unknown;
  try {
    id = (JSON.parse(text) as { id?: unknown }).id;
  } catch {
    return Response.json({ error: 'malformed JSON' }, { status: 400, headers: noStore });
  }
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
    return Response.json({ error: 'id must be an article id' }, { status: 400, headers: noStore });
  }
  if (!recordView(id)) return Response.json({ error: 'no such article' }, { status: 404, headers: noStore });
  return new Response(null, { status: 204, headers: noStore });
}
