import type autocannon from 'autocannon';
import type { Target } from './load';

/*
 * Contact submissions (POST /api/contact) at full speed, measured honestly:
 * - every request carries a new form token, signed with the server's secret by the server's own
 *   code (lib/contact/token.ts) and issued 10 s in the past, so it passes the minimum fill time.
 *   Each is a new message (201), not an idempotent repeat (200);
 * - the rate limit (5 messages per address in 10 minutes) keys on the rightmost X-Forwarded-For
 *   entry, and a server without a proxy in front takes that header as sent: each request sends
 *   its own address, so each counts as a new reader. This measures validation and storage, as
 *   for many readers writing at once; one reader flooding the form gets 429 after five.
 */

/** How long ago the tokens claim the form was rendered (more than the minimum fill time). */
const TOKEN_AGE_MS = 10_000;

/** Distinct addresses from a private range, one per request: 10.0.0.1, 10.0.0.2, … */
export function nthAddress(n: number): string {
  return `10.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/**
 * Submissions sent so far in this benchmark process: numbered across targets, so no address
 * repeats in a run (the PostgreSQL target's database is a copy of the SQLite one, the earlier
 * messages, which the rate limit counts, included).
 */
let sent = 0;

/** `appSecret` is the server's APP_SECRET; the token module reads it from the environment on first use. */
export async function contactTarget(appSecret: string): Promise<Target> {
  process.env.APP_SECRET = appSecret;
  const { issueFormToken } = await import('../../lib/contact/token');
  const setupRequest = (request: autocannon.Request): autocannon.Request => {
    sent += 1;
    const body = JSON.stringify({
      name: 'Bench Reader',
      email: `reader${sent}@example.com`,
      topic: 'general',
      message: `Benchmark message ${sent}: the ferry timetable on the notice board is out of date.`,
      consent: true,
      locale: 'en',
      token: issueFormToken(Date.now() - TOKEN_AGE_MS),
    });
    return {
      ...request,
      method: 'POST',
      body,
      headers: { ...request.headers, 'content-type': 'application/json', 'x-forwarded-for': nthAddress(sent) },
    };
  };
  return {
    name: 'contact submission',
    request: 'POST /api/contact (JSON, a new signed token and X-Forwarded-For address per request)',
    path: '/api/contact',
    method: 'POST',
    cachedPage: false,
    setupRequest,
  };
}
