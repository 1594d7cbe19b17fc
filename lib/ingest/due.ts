import { getDatabase } from '../db/database';
import { selectArticlesDue } from '../db/content-read';
import { applyChange, type ContentChange, recordChange } from './changes';

/*
 * Scheduled publishing. An article with a future publishedAt is invisible until its time;
 * then its pages must refresh without anyone asking. Each server process pings
 * POST /api/internal/publish-due every second (lib/ingest/scheduler.ts), and this runs inside
 * that request (revalidation needs a request's context). Every instance looks; the first to see
 * an article come due records it in the change log (its key makes it one row however many see
 * it at once) and the others refresh from the log, as after any change.
 */

const state = globalThis as unknown as { portalDueCheckedAt?: number };
/** On start, look back far enough to cover a restart. */
const LOOK_BACK_MS = 15 * 60_000;

/** Records the articles that came due since the last check; returns how many this process recorded. */
export async function recordArticlesComingDue(now = Date.now()): Promise<number> {
  const from = state.portalDueCheckedAt ?? now - LOOK_BACK_MS;
  const db = await getDatabase();
  const due = await selectArticlesDue(db, from, now);
  let recorded = 0;
  for (const article of due) {
    const change: ContentChange = {
      kind: 'articles',
      locale: article.locale,
      channels: [article.channel],
      slugs: [article.slug],
      authors: article.authors ? article.authors.split(',') : [],
    };
    // One row per article and publication time: a rescheduled article comes due again.
    if (await recordChange(db, change, now, `due:${article.locale}:${article.slug}:${article.publishedMs}`)) {
      applyChange(change);
      recorded += 1;
    }
  }
  state.portalDueCheckedAt = now;
  return recorded;
}
