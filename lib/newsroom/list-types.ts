import type { Locale } from '../i18n/locales';
import type { ArticleStatus } from '../content/types';

/**
 * An article's state as the newsroom sees it (issue 17). The database keeps three statuses
 * (draft, published, withdrawn); "in review" is a draft with a submission time, "scheduled" a
 * published article whose time has not come. Readers see only `published` (and due).
 */
export const NEWSROOM_STATES = ['draft', 'review', 'scheduled', 'published', 'withdrawn'] as const;
export type NewsroomState = (typeof NEWSROOM_STATES)[number];

export function isNewsroomState(value: unknown): value is NewsroomState {
  return (NEWSROOM_STATES as readonly unknown[]).includes(value);
}

export function newsroomState(article: { status: ArticleStatus; submittedMs: number | null; publishedMs: number }, now: number): NewsroomState {
  if (article.status === 'withdrawn') return 'withdrawn';
  if (article.status === 'draft') return article.submittedMs === null ? 'draft' : 'review';
  return article.publishedMs > now ? 'scheduled' : 'published';
}

/** One article as lib/db reads it for the list; the state is worked out from it (newsroomState). */
export interface NewsroomArticleRecord {
  id: number;
  externalId: string;
  locale: Locale;
  channel: string;
  slug: string;
  headline: string;
  status: ArticleStatus;
  submittedMs: number | null;
  publishedMs: number;
  /** When it last changed, and who changed it: a staff address, or null for the ingest API or an import. */
  changedMs: number;
  changedBy: string | null;
  /** The story has a version in the other language. */
  hasTranslation: boolean;
}

/** One row of the newsroom's articles list. */
export interface NewsroomArticleRow extends Omit<NewsroomArticleRecord, 'status' | 'submittedMs'> {
  state: NewsroomState;
}

/** Where a page of the list starts: after the row last changed at `ms` with id `id` (keyset, newest first). */
export interface ListCursor {
  ms: number;
  id: number;
}

export interface NewsroomListFilter {
  /** Part of the headline or the slug, ignoring case. */
  q?: string;
  state?: NewsroomState;
  channel?: string;
  locale?: Locale;
  /** A byline's author id. */
  authorId?: number;
  /**
   * A reporter's view: their own drafts and submissions, and whatever went beyond the desk
   * (scheduled, published, withdrawn). Absent for editors and admins, who see everything.
   */
  ownDraftsOf?: number;
}
