import type { NextRequest } from 'next/server';
import { JSON_BODY, readBody } from '@/lib/http/body';
import { errorResponse } from '@/lib/http/errors';
import { NO_STORE } from '@/lib/http/headers';
import { otherMethods } from '@/lib/http/methods';
import { orUnavailable } from '@/lib/http/unavailable';
import { isAuthorizedIngest } from '@/lib/ingest/auth';
import { getStoredArticle, putArticle, withdrawArticle } from '@/lib/ingest/articles';
import { requestLog, type Logger } from '@/lib/log';

/**
 * The newsroom system's API (README: "Publishing"). Bearer INGEST_TOKEN on every method.
 * PUT creates (201) or replaces (200) by the newsroom's id and answers { id, url, warnings? }, or 409
 * when the slug or translation pair belongs to another article; GET returns
 * the stored article; DELETE withdraws it (its address then answers 410).
 */
const MAX_BODY_BYTES = 1024 * 1024;

function unauthorized(log: Logger, method: string) {
  log.warn({ event: 'ingest.unauthorized', method, status: 401 }, 'ingest request without a valid token');
  return errorResponse('unauthorized', 'send Authorization: Bearer with the ingest token', { headers: { 'WWW-Authenticate': 'Bearer' } });
}

export const PUT = orUnavailable(async (request: NextRequest, { params }: RouteContext<'/api/v1/articles/[id]'>) => {
  const log = requestLog(request.headers);
  if (!isAuthorizedIngest(request.headers.get('authorization'))) return unauthorized(log, 'PUT');
  // The article's own fields are checked by putArticle (some need the database and the files).
  const body = await readBody(request, { limit: MAX_BODY_BYTES, types: [JSON_BODY] });
  if (!body.ok) return body.response;
  const { id } = await params;
  const result = await putArticle(id, body.value);
  if (result.kind === 'invalid') {
    log.info({ event: 'ingest.refused', articleId: id.slice(0, 100), fields: Object.keys(result.fields), status: 422 }, 'article refused');
    return errorResponse('invalid_fields', 'the article has invalid fields', { fields: result.fields });
  }
  if (result.kind === 'conflict') {
    log.info({ event: 'ingest.refused', articleId: id.slice(0, 100), fields: Object.keys(result.fields), status: 409 }, 'article conflicts');
    return errorResponse('conflict', result.message, { fields: result.fields });
  }
  log.info(
    {
      event: 'ingest.write',
      articleId: result.id,
      action: result.created ? 'created' : 'replaced',
      status: result.created ? 201 : 200,
      warnings: result.warnings.length,
    },
    'article saved',
  );
  // `warnings` only when there are some: what was stored differs from what was sent.
  const answer = { id: result.id, url: result.url, ...(result.warnings.length ? { warnings: result.warnings } : {}) };
  return Response.json(answer, { status: result.created ? 201 : 200, headers: NO_STORE });
});

export const GET = orUnavailable(async (request: NextRequest, { params }: RouteContext<'/api/v1/articles/[id]'>) => {
  if (!isAuthorizedIngest(request.headers.get('authorization'))) return unauthorized(requestLog(request.headers), 'GET');
  const article = await getStoredArticle((await params).id);
  if (!article) return errorResponse('not_found', 'no such article');
  return Response.json(article, { headers: NO_STORE });
});

export const DELETE = orUnavailable(async (request: NextRequest, { params }: RouteContext<'/api/v1/articles/[id]'>) => {
  const log = requestLog(request.headers);
  if (!isAuthorizedIngest(request.headers.get('authorization'))) return unauthorized(log, 'DELETE');
  const { id } = await params;
  if (!(await withdrawArticle(id))) return errorResponse('not_found', 'no such article');
  log.info({ event: 'ingest.write', articleId: id, action: 'withdrawn', status: 200 }, 'article withdrawn');
  return Response.json({ id, status: 'withdrawn' }, { headers: NO_STORE });
});

export const { POST, PATCH, OPTIONS } = otherMethods('GET', 'PUT', 'DELETE');
