/**
 * The production server: Next.js's request handler inside a plain node:http server, so every
 * response can carry a Content-Security-Policy with the hashes of its own inline scripts
 * (lib/http/csp-response.ts; docs/decisions/0010). `npm start` runs it (scripts/start.ts).
 * `npm run build` bundles it into plain JavaScript beside the Next.js build (server/bundle.ts),
 * and on a machine that has a build it runs as
 *
 *   node --max-old-space-size=384 .next/portal-server.js   (PORT, default 3000; NEXT_DIST_DIR as for the build)
 *
 * Each request gets an id (`x-request-id`, kept from the proxy in front when well-formed),
 * passed on to Next.js, echoed in the response, and written with the status and time in one
 * JSON line when the response is finished (lib/log.ts).
 *
 * Before Next.js, server/gate.ts resolves the client's address (TRUSTED_PROXIES), answers the
 * methods an address does not serve, refuses oversized page posts unread and settles byte
 * ranges of static files.
 *
 * Responses are compressed here (gzip or brotli) after the policy is computed; Next.js's own
 * compression is off (next.config.ts). On SIGTERM or SIGINT the server stops taking connections,
 * lets the requests in flight finish, then exits; the database is closed on exit
 * (instrumentation.ts).
 */
import http from 'node:http';
import path from 'node:path';
import compression from 'compression';
import { env } from '../lib/env';
import { TrustedProxies } from '../lib/http/client-ip';
import { closeGently } from '../lib/http/connection';
import { applyContentSecurityPolicy } from '../lib/http/csp-response';
import { forwardedHttps } from '../lib/http/origin';
import { applyRoutedStatus, markPortalServer, sentStatus } from '../lib/http/routed-status';
import { log, logRequest, requestId } from '../lib/log';
import { missingSharedSecret } from '../lib/secrets';
import { gate, prepareRequest } from './gate';

/** How long requests in flight may take to finish after SIGTERM before connections are cut. */
const DRAIN_MS = 20_000;

/** The server itself speaks plain http: https only when the proxy in front says so. */
function overHttps(req: http.IncomingMessage): boolean {
  const forwarded = req.headers['x-forwarded-proto'];
  return forwardedHttps(Array.isArray(forwarded) ? forwarded[0] : forwarded) === true;
}

async function main(): Promise<void> {
  // Before Next.js is loaded: it reads both when its modules load.
  Object.assign(process.env, { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' });
  // Instances on PostgreSQL must share one secret: refuse to start rather than sign forms no other instance accepts.
  const missing = missingSharedSecret();
  if (missing) {
    log.fatal({ event: 'server.misconfigured' }, missing);
    process.exit(78);
  }
  const { default: next } = await import('next');
  const port = Number(process.env.PORT || 3000);
  // The host name is only used to build URLs; the server listens on every interface. Binding
  // 127.0.0.1 makes Next.js proxy the proxy's rewrites over HTTP (docs/decisions/0001).
  const app = next({ dev: false, dir: process.cwd(), hostname: 'localhost', port });
  const handle = app.getRequestHandler();
  await app.prepare();

  // A part of a file (206) is sent as it is: its Content-Range counts the file's bytes, not
  // those of a compressed copy.
  const compress = compression({ filter: (req, res) => res.statusCode !== 206 && compression.filter(req, res) });
  const trustedProxies = new TrustedProxies(env.TRUSTED_PROXIES);
  const gateOptions = {
    publicDir: path.resolve('public'),
    staticDir: path.resolve(process.env.NEXT_DIST_DIR || '.next', 'static'),
  };
  const server = http.createServer((req, res) => {
    const id = requestId(req.headers['x-request-id'] as string | undefined);
    req.headers['x-request-id'] = id;
    res.setHeader('X-Request-Id', id);
    const started = performance.now();
    // The publishing scheduler's own ping every few seconds would drown the log.
    if (!req.url?.startsWith('/api/internal/')) {
      res.once('finish', () =>
        logRequest({ id, method: req.method ?? '', path: req.url ?? '', status: sentStatus(res), ms: performance.now() - started }),
      );
    }
    prepareRequest(req, res, trustedProxies);
    compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => {
      const https = overHttps(req);
      applyContentSecurityPolicy(req, res, https);
      // Outermost, so the policy and the log see the status the proxy asked for.
      applyRoutedStatus(res);
      markPortalServer(req);
      gate(req, res, { ...gateOptions, https })
        .then((answered) => (answered ? undefined : handle(req, res)))
        .catch((error: unknown) => {
          log.error({ event: 'request.error', requestId: id, err: error }, 'the request handler failed');
          if (!res.headersSent) res.statusCode = 500;
          res.end();
        });
    });
  });

  // Longer than the idle timeout of a proxy in front (nginx keeps upstream connections 60 s):
  // the proxy, not this server, should close an idle connection, or a request sent just as it
  // closes is lost.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  // A 413 sent while the client is still sending must reach it before the connection closes.
  server.on('connection', (socket) => closeGently(socket));

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const code = 128 + (signal === 'SIGINT' ? 2 : 15);
    server.close(() => {
      void app.close().finally(() => process.exit(code));
    });
    // Keep-alive connections between requests would hold close() open: end them now and as
    // each in-flight response finishes.
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    sweep.unref();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(code);
    }, DRAIN_MS).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  server.listen(port, () => log.info({ event: 'server.listening', port }, 'listening'));
}

main().catch((error: unknown) => {
  log.fatal({ event: 'server.failed', err: error }, 'the server could not start');
  process.exit(1);
});
