/** Runs once when a server process starts. */
export async function register(): Promise<void> {
  // The mail sender and the publishing scheduler need Node.js (SQLite, sockets) and a running server, not a build worker.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startMailSender } = await import('./lib/staff/mail-sender');
  startMailSender();
  // Scheduled articles: their pages refresh when their time comes.
  const { startPublishingScheduler } = await import('./lib/ingest/scheduler');
  startPublishingScheduler();
  // Next.js stops taking connections on SIGTERM, lets the requests in flight finish, then exits;
  // the database is closed last, which also checkpoints and removes its write-ahead log.
  const { closeDb } = await import('./lib/db/connection');
  process.once('exit', () => closeDb());
}
