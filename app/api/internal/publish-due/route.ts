import crypto from 'node:crypto';
import type { NextRequest } from 'next/server';
import { errorResponse } from '@/lib/http/errors';
import { NO_STORE } from '@/lib/http/headers';
import { otherMethods } from '@/lib/http/methods';
import { orUnavailable } from '@/lib/http/unavailable';
import { internalToken } from '@/lib/ingest/scheduler';
import { applyNewChanges } from '@/lib/ingest/changes';
import { recordArticlesComingDue } from '@/lib/ingest/due';
import { log } from '@/lib/log';

/** Called by the server's own scheduler (lib/ingest/scheduler.ts); nobody else knows the token. */
export const POST = orUnavailable(async (request: NextRequest) => {
  const given = Buffer.from(request.headers.get('x-internal-token') ?? '');
  const expected = Buffer.from(internalToken());
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    return errorResponse('not_found', 'not found');
  }
  // Articles coming due, then every change any process recorded (other instances' writes, an
  // import from a shell): this process's pages, feeds and address checks follow within a second.
  const now = Date.now();
  const published = await recordArticlesComingDue(now);
  const applied = await applyNewChanges(now);
  // Every second: only a tick that did something is worth a line.
  if (published > 0) log.info({ event: 'publish.due', refreshed: published }, 'scheduled articles published');
  if (applied > 0) log.info({ event: 'content.changes-applied', applied }, 'content changes from the log applied');
  return Response.json({ published, applied }, { headers: NO_STORE });
});

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods('POST');
