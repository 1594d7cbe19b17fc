import { getDatabase } from '../db/database';
import { selectArticlesDue } from '../db/content-read';
import { refreshAfterArticleChange } from './refresh';

/*
 * Scheduled publishing. An article with a future publishedAt is invisible until its time;
 * then its pages must refresh without anyone asking. The server process pings
 * POST /api/internal/publish-due every few seconds (lib/ingest/scheduler.ts), and this runs
 * inside that request (revalidation needs a request's context).
 */

const state = globalThis as unknown as { portalDueCheckedAt?: number };
/** On start, look back far enough to cover a restart. */
const LOOK_BACK_MS = 15 * 60_000;

export async function refreshArticlesComingDue(now = Date.now()): Promise<number> {
  const from = state.portalDueCheckedAt ?? now - LOOK_BACK_MS;
  const due = await selectArticlesDue(await getDatabase(), from, now);
  for (const article of due) {
    refreshAfterArticleChange({
      locale: article.locale,
      channels: [article.channel],
      slugs: [article.slug],
      authors: article.authors ? article.authors.split(',') : [],
    });
  }
  state.portalDueCheckedAt = now;
  return due.length;
}
