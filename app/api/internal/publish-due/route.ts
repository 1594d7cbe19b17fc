import crypto from 'node:crypto';
import type { NextRequest } from 'next/server';
import { errorResponse } from '@/lib/http/errors';
import { NO_STORE } from '@/lib/http/headers';
import { otherMethods } from '@/lib/http/methods';
import { internalToken } from '@/lib/ingest/scheduler';
import { refreshArticlesComingDue } from '@/lib/ingest/due';
import { log } from '@/lib/log';

/** Called by the server's own scheduler (lib/ingest/scheduler.ts); nobody else knows the token. */
export async function POST(request: NextRequest) {
  const given = Buffer.from(request.headers.get('x-internal-token') ?? '');
  const expected = Buffer.from(internalToken());
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    return errorResponse('not_found', 'not found');
  }
  const refreshed = await refreshArticlesComingDue();
  // Every 5 s: only a tick that published something is worth a line.
  if (refreshed > 0) log.info({ event: 'publish.due', refreshed }, 'scheduled articles published');
  return Response.json({ refreshed }, { headers: NO_STORE });
}

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
