import crypto from 'node:crypto';
import type { Database } from '../db/database';
import { type UpsertOptions, type UpsertResult, upsertArticle } from '../db/content-write';
import { articleSearchDocument } from '../search/indexing';
import type { SearchDocument } from '../search/analyze';
import type { ArticleInput } from './article-input';

/*
 * An article on its way into the database. The addresses derived from names (tag slugs, a new
 * author's slug) are worked out here, so lib/db stores an ArticleRecord as it is given.
 */

/** An article as lib/db stores it: the validated input with its names' URL forms. */
export interface ArticleRecord extends Omit<ArticleInput, 'authors' | 'tags'> {
  /** In byline order. `slug` is used only when no author has the name yet: an existing author keeps theirs. */
  authors: { name: string; slug: string }[];
  /** In order; tags with nothing left for a slug are left out. */
  tags: { name: string; slug: string }[];
  /** Its text analyzed for search, written in the same transaction as the article (lib/db/search.ts). */
  search: SearchDocument;
}

/** A tag's URL form: ASCII words joined by hyphens; other scripts kept as they are. */
export function tagSlug(name: string): string {
  return name
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_/]+/g, '-')
    .replace(/[^\p{L}\p{N}-]+/gu, '')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The slug of an author first met as a byline name: its ASCII words plus a short hash of the
 * whole name (two names that differ only outside ASCII stay apart); `author-{hash}` when the
 * name has no ASCII letters at all (a Chinese name).
 */
export function newAuthorSlug(name: string): string {
  const ascii = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const hash = crypto.createHash('sha256').update(name).digest('hex').slice(0, 8);
  return ascii ? `${ascii}-${hash}` : `author-${hash}`;
}

export function toArticleRecord(input: ArticleInput): ArticleRecord {
  return {
    ...input,
    authors: input.authors.map(({ name }) => ({ name, slug: newAuthorSlug(name) })),
    tags: input.tags.map((name) => ({ name, slug: tagSlug(name) })).filter((tag) => tag.slug !== ''),
    search: articleSearchDocument({ headline: input.headline, summary: input.summary, bodyHtml: input.bodyHtml }),
  };
}

/**
 * Creates or replaces an article by its newsroom id (one transaction; see lib/db/content-write.ts).
 * Throws ArticleConflictError, writing nothing, when its slug or translation pair is taken.
 */
export function saveArticle(
  db: Database,
  input: ArticleInput,
  nowMs = Date.now(),
  options: UpsertOptions = {},
): Promise<UpsertResult> {
  return upsertArticle(db, toArticleRecord(input), nowMs, options);
}
