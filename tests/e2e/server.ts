import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What the global setup started, for the tests and the teardown (they run in other scopes). */
export interface E2eState {
  baseUrl: string;
  pid: number;
  databasePath: string;
  queryLog: string;
  /** The server's stdout: its JSON log, one object per line. */
  serverLog: string;
  tempDir: string;
}

// One state file per checkout, so two clones can run their suites side by side.
const checkout = crypto.createHash('sha256').update(path.resolve(__dirname, '..', '..')).digest('hex').slice(0, 12);
export const STATE_FILE = path.join(os.tmpdir(), `portal-e2e-${checkout}.json`);

/**
 * How many statements the server has run for requests so far (DB_QUERY_LOG). Background work
 * is left out: the proxy's once-a-second "has the content changed?" probe and the
 * publishing scheduler's check, marked `/* background *\/` (lib/ingest/due.ts).
 */
export function requestQueryCount(): number {
  const { queryLog } = readState();
  if (!fs.existsSync(queryLog)) return 0;
  return fs
    .readFileSync(queryLog, 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('PRAGMA data_version') && !line.includes('/* background */')).length;
}

/**
 * requestQueryCount once the server has been quiet for `quietMs`: work a previous test set off
 * in the background (a stale page regenerating after its answer was sent) finishes first, and
 * is not counted as the next request's.
 */
export async function settledQueryCount(quietMs = 700, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let count = requestQueryCount();
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = requestQueryCount();
    if (now !== count) {
      count = now;
      quietSince = Date.now();
    }
  }
  return count;
}

/** The server's APP_SECRET in the end-to-end tests (never a real one). */
export const E2E_APP_SECRET = 'e2e-only-secret-0123456789abcdef0123456789';

/** A contact-form token as the server issues them (same secret), issued `ageMs` ago. */
export function formToken(ageMs = 10_000): string {
  const payload = `${Date.now() - ageMs}.${crypto.randomBytes(12).toString('base64url')}`;
  const signature = crypto.createHmac('sha256', E2E_APP_SECRET).update(`contact-form\0${payload}`).digest('base64url');
  return `${payload}.${signature}`;
}

/** The newsroom API's bearer token in the end-to-end tests. */
export const E2E_INGEST_TOKEN = 'e2e-ingest-token-0123456789';

export function readState(): E2eState {
  return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as E2eState;
}

export function baseUrl(): string {
  return readState().baseUrl;
}

/** fetch against the test server, without following redirects (tests look at them). */
export function get(pathname: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${baseUrl()}${pathname}`, { redirect: 'manual', ...init });
}
