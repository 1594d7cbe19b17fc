import type { NextRequest } from 'next/server';
import { isAuthorizedIngest } from '@/lib/ingest/auth';
import { getStoredArticle, putArticle, withdrawArticle } from '@/lib/ingest/articles';
import { requestLog, type Logger } from '@/lib/log';

/**
 * The newsroom system's API (README: "Publishing"). Bearer INGEST_TOKEN on every method.
 * PUT creates (201) or replaces (200) by the newsroom's id and answers { id, url }; GET returns
 * the stored article; DELETE withdraws it (its address then answers 410).
 */
const MAX_BODY_BYTES = 1024 * 1024;
const noStore = { 'Cache-Control': 'no-store' };

function unauthorized(log: Logger, method: string) {
  log.warn({ event: 'ingest.unauthorized', method, status: 401 }, 'ingest request without a valid token');
  return Response.json({ error: 'unauthorized' }, { status: 401, headers: { ...noStore, 'WWW-Authenticate': 'Bearer' } });
}

export async function PUT(request: NextRequest, { params }: RouteContext<'/api/v1/articles/[id]'>) {
  const log = requestLog(request.headers);
  if (!isAuthorizedIngest(request.headers.get('authorization'))) return unauthorized(log, 'PUT');
  if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
    return Response.json({ error: 'send application/json' }, { status: 415, headers: noStore });
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return Response.json({ error: 'body too large' }, { status: 413, headers: noStore });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return Response.json({ error: 'malformed JSON' }, { status: 400, headers: noStore });
  }
  const { id } = await params;
  const result = await putArticle(id, body);
  if (result.kind === 'invalid') {
    log.info({ event: 'ingest.refused', articleId: id.slice(0, 100), fields: Object.keys(result.fields), status: 422 }, 'article refused');
    return Response.json({ error: 'invalid article', fields: result.fields }, { status: 422, headers: noStore });
  }
  log.info(
    { event: 'ingest.write', articleId: result.id, action: result.created ? 'created' : 'replaced', status: result.created ? 201 : 200 },
    'article saved',
  );
  return Response.json({ id: result.id, url: result.url }, { status: result.created ? 201 : 200, headers: noStore });
}

export async function GET(request: NextRequest, { params }: RouteContext<'/api/v1/articles/[id]'>) {
  if (!isAuthorizedIngest(request.headers.get('authorization'))) return unauthorized(requestLog(request.headers), 'GET');
  const article = getStoredArticle((await params).id);
  if (!article) return Response.json({ error: 'no such article' }, { status: 404, headers: noStore });
  return Response.json(article, { headers: noStore });
}

export async function DELETE(request: NextRequest, { params }: RouteContext<'/api/v1/articles/[id]'>) {
  const log = requestLog(request.headers);
  if (!isAuthorizedIngest(request.headers.get('authorization'))) return unauthorized(log, 'DELETE');
  const { id } = await params;
  if (!withdrawArticle(id)) return Response.json({ error: 'no such article' }, { status: 404, headers: noStore });
  log.info({ event: 'ingest.write', articleId: id, action: 'withdrawn', status: 200 }, 'article withdrawn');
  return Response.json({ id, status: 'withdrawn' }, { headers: noStore });
}
