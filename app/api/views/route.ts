import type { NextRequest } from 'next/server';
import { currentConsent, readConsentCookie } from '@/lib/consent/cookie';
import { recordView, viewBodySchema } from '@/lib/content/most-read';
import { JSON_BODY, readBody } from '@/lib/http/body';
import { errorResponse } from '@/lib/http/errors';
import { refuseCrossSite } from '@/lib/http/guards';
import { NO_STORE } from '@/lib/http/headers';
import { otherMethods } from '@/lib/http/methods';

/**
 * POST /api/views {"id": articleId}: counts one article view for the most-read lists.
 * Only with statistics consent (the cookie is checked here too, not only in the browser);
 * nothing about the reader is stored: no IP address, no identifier, no cookie is set.
 */
export async function POST(request: NextRequest) {
  const crossSite = refuseCrossSite(request);
  if (crossSite) return crossSite;
  if (!currentConsent(readConsentCookie(request.headers.get('cookie')))?.statistics) {
    return errorResponse('no_consent', 'views are counted only with statistics consent');
  }
  // The page's script sends a JSON object of one number; 200 bytes is plenty.
  const body = await readBody(request, { limit: 200, types: [JSON_BODY], schema: viewBodySchema, invalid: 'bad_request' });
  if (!body.ok) return body.response;
  if (!(await recordView(body.value.id))) return errorResponse('not_found', 'no such article');
  return new Response(null, { status: 204, headers: NO_STORE });
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
