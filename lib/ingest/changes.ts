import { revalidatePath, revalidateTag } from 'next/cache';
import { noteContentWrite } from '../db/connection';
import { type ChangeRow, deleteChangesBefore, insertChange, selectChangesAfter, selectChangesSince, selectLastChangeIdBefore } from '../db/changes';
import type { Database } from '../db/database';
import { getDatabase } from '../db/database';
import { CHANNELS_TAG } from '../content/articles';
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

const state = globalThis as unknown as {
  /** The highest change id read. */
  portalChangesSeen?: number;
  /** Changes this process has applied (or made), by id, with their time: a late row is applied once. */
  portalChangesApplied?: Map<number, number>;
  portalChangesPrunedAt?: number;
};

function applied(): Map<number, number> {
  return (state.portalChangesApplied ??= new Map());
}

/**
 * Writes the change into the log, inside the caller's transaction; `key` dedupes an event several
 * processes record. True when this call recorded it (false: another process already had).
 */
export async function recordChange(db: Database, change: ContentChange, now = Date.now(), key?: string): Promise<boolean> {
  const id = await insertChange(db, { atMs: now, payload: JSON.stringify(change), key });
  // The process that makes a change refreshes at once (applyChange), not again from the log.
  if (id !== null) applied().set(id, now);
  return id !== null;
}

/** Refreshes this process's caches for one change. Inside a request only (revalidation needs one). */
export function applyChange(change: ContentChange): void {
  noteContentWrite();
  if (change.kind === 'everything') {
    revalidatePath('/', 'layout');
    revalidateTag(syndicationTags.all, { expire: 0 });
    revalidateTag(CHANNELS_TAG, { expire: 0 });
    return;
  }
  refreshAfterArticleChange(change);
  if (change.pages?.length) refreshArticlePages(change.pages);
}

/** On start, changes from this long ago are read again (a restart may have missed them). */
const LOOK_BACK_MS = 15 * 60_000;
/**
 * How long a change may take from its insert to its commit and still be picked up: write
 * transactions here last milliseconds; the window is read again on every tick.
 */
const LATE_MS = 30_000;
/** Changes are kept a day: far longer than any process takes to read them. */
const KEEP_MS = 24 * 60 * 60_000;
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Reads the changes recorded since the last call (by any process) and refreshes this process's
 * caches for each it has not applied yet. Returns how many were applied.
 */
export async function applyNewChanges(now = Date.now()): Promise<number> {
  const db = await getDatabase();
  let seen = state.portalChangesSeen ?? (await selectLastChangeIdBefore(db, now - LOOK_BACK_MS));
  const rows = new Map<number, ChangeRow>();
  for (const row of await selectChangesSince(db, now - LATE_MS)) rows.set(row.id, row);
  for (;;) {
    const page = await selectChangesAfter(db, seen, 200);
    for (const row of page) rows.set(row.id, row);
    if (page.length > 0) seen = page.at(-1)!.id;
    if (page.length < 200) break;
  }
  let count = 0;
  for (const row of [...rows.values()].sort((a, b) => a.id - b.id)) {
    if (applied().has(row.id)) continue;
    applied().set(row.id, row.atMs);
    applyChange(JSON.parse(row.payload) as ContentChange);
    count += 1;
  }
  state.portalChangesSeen = seen;
  for (const [id, atMs] of applied()) if (atMs < now - 2 * LATE_MS) applied().delete(id);
  if (now - (state.portalChangesPrunedAt ?? 0) > PRUNE_EVERY_MS) {
    state.portalChangesPrunedAt = now;
    await deleteChangesBefore(db, now - KEEP_MS);
  }
  return count;
}
