import { env } from '../env';
import { log } from '../log';
import { keyedHash } from '../secrets';

/** Proves a request to /api/internal/* comes from this server (derived from APP_SECRET). */
export function internalToken(): string {
  return keyedHash('internal', 'publish-due');
}

/** A change made through another instance is served here within this, plus a render. */
const EVERY_MS = 1_000;
const flag = globalThis as unknown as { portalPublishingScheduler?: boolean };

/**
 * Asks this server, every second, to refresh the pages of articles whose publication time has
 * just come and to apply the content changes other processes recorded
 * (POST /api/internal/publish-due). Started once per process from instrumentation.ts.
 */
export function startPublishingScheduler(): void {
  if (flag.portalPublishingScheduler) return;
  flag.portalPublishingScheduler = true;
  const url = `http://127.0.0.1:${env.PORT}/api/internal/publish-due`;
  const timer = setInterval(() => {
    fetch(url, { method: 'POST', headers: { 'x-internal-token': internalToken() } })
      .then((response) => {
        void response.body?.cancel();
        // 503: the database is unreachable (health says so too); the next tick catches up.
        if (response.status === 503) log.debug({ event: 'publish.tick-unavailable' }, 'publishing check: database unavailable');
        else if (!response.ok) log.error({ event: 'publish.tick-failed', status: response.status }, 'publishing check failed');
      })
      .catch((error: unknown) => {
        // Not listening yet, or shutting down: the next tick looks back far enough.
        log.debug({ event: 'publish.tick-unreachable', err: error }, 'publishing check: server not reachable');
      });
  }, EVERY_MS);
  timer.unref();
  log.info({ event: 'publish.scheduler-start', everyMs: EVERY_MS }, 'publishing scheduler started');
}
