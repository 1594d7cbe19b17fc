import type { Instrumentation } from 'next';

/** Runs once when a server process starts. */
export async function register(): Promise<void> {
  // The mail sender and the publishing scheduler need Node.js (SQLite, sockets) and a running server, not a build worker.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { log } = await import('./lib/log');
  log.info({ event: 'server.start', node: process.version, logLevel: log.level }, 'server starting');
  const { startMailSender } = await import('./lib/staff/mail-sender');
  startMailSender();
  // Scheduled articles: their pages refresh when their time comes.
  const { startPublishingScheduler } = await import('./lib/ingest/scheduler');
  startPublishingScheduler();
  // Next.js stops taking connections on SIGTERM, lets the requests in flight finish, then exits;
  // the database is closed last, which also checkpoints and removes its write-ahead log.
  const { closeDb } = await import('./lib/db/connection');
  process.once('SIGTERM', () => log.info({ event: 'server.stopping', signal: 'SIGTERM' }, 'stopping: finishing the requests in flight'));
  process.once('exit', (code) => {
    closeDb();
    // The logger writes synchronously, so this line is out before the process is.
    log.info({ event: 'server.stop', code }, 'server stopped, database closed');
  });
}

/**
 * Errors nobody caught: in rendering, route handlers, server actions and the proxy. Visitors
 * see Next.js's error page with the digest only; the log gets the error (with its stack), the
 * digest to find it by, the route and the request id. Never the query string.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { log, pathOnly, requestId } = await import('./lib/log');
  const header = request.headers['x-request-id'];
  const failure = error instanceof Error ? error : new Error(String(error));
  log.error(
    {
      event: 'request.error',
      requestId: requestId(typeof header === 'string' ? header : undefined),
      method: request.method,
      path: pathOnly(request.path),
      route: context.routePath,
      routeType: context.routeType,
      errorName: failure.name,
      digest: (failure as Error & { digest?: unknown }).digest,
      err: failure,
    },
    'unexpected error',
  );
};
