import crypto from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';
import { env } from './env';

/*
 * The server's log: one JSON object per line on stdout, for whatever collects the process's
 * output (journald, docker, a log shipper). Written synchronously, without pino's worker-thread
 * transports: a line is out before the next statement runs, so a kill -9 loses none that were
 * logged, and nothing needs bundling into a worker.
 *
 * What never goes in: message bodies, names, email addresses, addresses (IPs) in clear, tokens,
 * cookies, passwords. Callers log references, ids, reason codes and keyed hashes; the `redact`
 * list below is the safety net for a field someone passes by mistake.
 */

export type { Logger } from 'pino';

/** Fields that must never reach the log, wherever they appear at the first two levels. */
const REDACTED_FIELDS = ['name', 'email', 'message', 'body', 'password', 'token', 'cookie', 'ip', 'authorization'];
const REDACTED_PATHS = [
  ...REDACTED_FIELDS,
  // One level down too, except `*.message`: that would hide `err.message`, which operators need.
  ...REDACTED_FIELDS.filter((field) => field !== 'message').map((field) => `*.${field}`),
  'headers["x-forwarded-for"]',
];

export function createLogger(
  destination: DestinationStream = pino.destination({ dest: 1, sync: true }),
  level: string = env.LOG_LEVEL,
): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // "level":"info" rather than pino's numbers: readable by people and by grep.
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}

const globalForLog = globalThis as unknown as { portalLog?: Logger };

/** The process's logger (one per process, however many bundles import this module). */
export const log: Logger = (globalForLog.portalLog ??= createLogger());

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The request id: the one a client or the proxy in front sent in `x-request-id` when it is
 * short and made of safe characters (it is echoed and logged), otherwise a fresh one.
 */
export function requestId(incoming: string | null | undefined): string {
  return incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}

/**
 * A logger whose lines carry the request's id. The production server (server/main.ts) sets
 * `x-request-id` before Next.js sees the request; route handlers pass `request.headers`,
 * server actions `await headers()`.
 */
export function requestLog(headers: { get(name: string): string | null }, logger: Logger = log): Logger {
  return logger.child({ requestId: requestId(headers.get('x-request-id')) });
}

/** A path without its query string or fragment (they can hold personal data), at most 300 characters. */
export function pathOnly(url: string): string {
  return url.split(/[?#]/, 1)[0]!.slice(0, 300);
}

/** The access log: one line per request, written by the server when the response is finished. */
export function logRequest(
  line: { id: string; method: string; path: string; status: number; ms: number },
  logger: Logger = log,
): void {
  const level = line.status >= 500 ? 'error' : 'info';
  logger[level](
    { event: 'request', requestId: line.id, method: line.method, path: pathOnly(line.path), status: line.status, ms: Math.round(line.ms) },
    'request',
  );
}
