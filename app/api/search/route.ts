import type { NextRequest } from 'next/server';
import { clientIp } from '@/lib/http/client-ip';
import { otherMethods } from '@/lib/http/methods';
import { answerSearchApi } from '@/lib/search/api';

/** Search results as JSON (issue 16): the same search as the page at /{locale}/search. */
export async function GET(request: NextRequest) {
  return answerSearchApi(request.nextUrl.searchParams, clientIp(request.headers));
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
