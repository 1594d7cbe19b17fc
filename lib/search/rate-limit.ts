/*
 * How often one client may search: SEARCH_RATE_LIMIT requests per window (the environment's
 * SEARCH_RATE_LIMIT, default 30 per 10 s), counted per client
 * address over the search page and GET /api/search together, in this process's memory.
 *
 * Why in memory, unlike the contact form's limit and the sign-in throttle (which count rows in
 * the database, so every instance sees every attempt): those count rare, stored events, while
 * a search flood is many cheap reads, and a database write per search would cost more than
 * the searches it protects against. With N instances behind the edge a client gets at most N
 * times the limit, and the edge's short cache answers repeated searches before they count.
 *
 * The store lives on globalThis: proxy.ts (the page) and the route handler (the API) are
 * bundled apart by Next.js and would otherwise each count separately.
 */

import { env } from '../env';

/** SEARCH_RATE_LIMIT searches (default 30) per 10 s; 0: no limit. */
export const SEARCH_RATE_LIMIT = { max: env.SEARCH_RATE_LIMIT, windowMs: 10_000 } as const;

interface Window {
  startedAt: number;
  count: number;
}

type Store = Map<string, Window>;
const STORE_KEY = Symbol.for('portal.searchRateLimit');
/** Past this many clients, windows that have ended are swept before another is added. */
const SWEEP_AT = 10_000;

function store(): Store {
  const holder = globalThis as typeof globalThis & { [STORE_KEY]?: Store };
  holder[STORE_KEY] ??= new Map();
  return holder[STORE_KEY];
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts one search by `client` and says whether it may go on (fixed windows per client). */
export function takeSearchAllowance(client: string, now = Date.now(), limit: { max: number; windowMs: number } = SEARCH_RATE_LIMIT): RateDecision {
  if (limit.max === 0) return { allowed: true };
  const windows = store();
  let current = windows.get(client);
  if (!current || now - current.startedAt >= limit.windowMs) {
    if (!current && windows.size >= SWEEP_AT) {
      for (const [key, window] of windows) if (now - window.startedAt >= limit.windowMs) windows.delete(key);
    }
    current = { startedAt: now, count: 0 };
    windows.set(client, current);
  }
  current.count++;
  if (current.count <= limit.max) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((current.startedAt + limit.windowMs - now) / 1000)) };
}

/** Forgets every count (tests). */
export function resetSearchAllowances(): void {
  store().clear();
}
