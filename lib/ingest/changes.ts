import { revalidatePath, revalidateTag } from 'next/cache';
import { noteContentWrite } from '../db/connection';
import { deleteChangesBefore, insertChange, selectChangesAfter, selectLastChangeIdBefore } from '../db/changes';
import type { Database } from '../db/database';
import { getDatabase } from '../db/database';
import type { Locale } from '../i18n/locales';
import { syndicationTags } from '../seo/cached';
import { refreshAfterArticleChange, refreshArticlePages } from './refresh';

/*
 * How every process serving the database learns that content changed (docs/decisions/0018).
 * A change is recorded in content_changes in the same transaction as the change itself; each
 * process (one instance of several, or the only one while `npm run content` imports from a
 * shell) reads the rows after the last one it has seen, once a second from its tick
 * (lib/ingest/scheduler.ts), and refreshes its own caches: Next.js's pages and data, and the
 * proxy's remembered address checks. The process that made a change refreshes at once.
 */

export type ContentChange =
  /** Articles of one language changed: their pages and every list that shows them. */
  | {
      kind: 'articles';
      locale: Locale;
      channels: string[];
      slugs: string[];
      authors: string[];
      /** Other versions of the stories whose language links changed. */
      pages?: { locale: Locale; channel: string; slug: string }[];
    }
  /** Anything may have changed (an import of a folder of files). */
  | { kind: 'everything' };

const state = globalThis as unknown as { portalChangesSeen?: number; portalChangesOwn?: Set<number>; portalChangesPrunedAt?: number };

/** Writes the change into the log, inside the caller's transaction. `key` dedupes an event several processes record. */
export async function recordChange(db: Database, change: ContentChange, now = Date.now(), key?: string): Promise<void> {
  const id = await insertChange(db, { atMs: now, payload: JSON.stringify(change), key });
  if (id !== null) (state.portalChangesOwn ??= new Set()).add(id);
}

/** Refreshes this process's caches for one change. Inside a request only (revalidation needs one). */
export function applyChange(change: ContentChange): void {
  noteContentWrite();
  if (change.kind === 'everything') {
    revalidatePath('/', 'layout');
    revalidateTag(syndicationTags.all, { expire: 0 });
    return;
  }
  refreshAfterArticleChange(change);
  if (change.pages?.length) refreshArticlePages(change.pages);
}

/** On start, changes from this long ago are read again (a restart may have missed them). */
const LOOK_BACK_MS = 15 * 60_000;
/** Changes are kept a day: far longer than any process takes to read them. */
const KEEP_MS = 24 * 60 * 60_000;
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Reads the changes recorded since the last call (by any process) and refreshes this process's
 * caches for each; the ones this process recorded were refreshed when it made them. Returns how
 * many were applied.
 */
export async function applyNewChanges(now = Date.now()): Promise<number> {
  const db = await getDatabase();
  let seen = state.portalChangesSeen ?? (await selectLastChangeIdBefore(db, now - LOOK_BACK_MS));
  let applied = 0;
  for (;;) {
    const rows = await selectChangesAfter(db, seen, 200);
    for (const row of rows) {
      seen = row.id;
      if (state.portalChangesOwn?.delete(row.id)) continue;
      applyChange(JSON.parse(row.payload) as ContentChange);
      applied += 1;
    }
    if (rows.length < 200) break;
  }
  state.portalChangesSeen = seen;
  if (now - (state.portalChangesPrunedAt ?? 0) > PRUNE_EVERY_MS) {
    state.portalChangesPrunedAt = now;
    await deleteChangesBefore(db, now - KEEP_MS);
  }
  return applied;
}
