import { cache } from 'react';
import { getDatabase } from '../db/database';
import { countAuthorArticles, selectAuthor, selectAuthorArticles } from '../db/content-read';
import type { Locale } from '../i18n/locales';
import { isPageNumber, isSlug } from '../routing/rules';
import type { ArticleSummary, Author, Paged } from './types';

export const AUTHOR_PAGE_SIZE = 12;

/**
 * An author's page in one locale: who they are and one page of their published articles,
 * newest first. `null` when the author does not exist, has published nothing in this locale,
 * or the page is past the end.
 */
export const getAuthorListing = cache(async function getAuthorListing(
  locale: Locale,
  slug: string,
  page: number,
): Promise<{ author: Author; page: Paged<ArticleSummary> } | null> {
  if (!isSlug(slug) || !isPageNumber(page)) return null;
  const db = await getDatabase();
  const found = await selectAuthor(db, locale, slug);
  if (!found) return null;
  const now = Date.now();
  const total = await countAuthorArticles(db, { authorId: found.id, locale, now });
  const totalPages = Math.ceil(total / AUTHOR_PAGE_SIZE);
  if (total === 0 || page > totalPages) return null;
  const items = await selectAuthorArticles(db, {
    authorId: found.id,
    locale,
    now,
    limit: AUTHOR_PAGE_SIZE,
    offset: (page - 1) * AUTHOR_PAGE_SIZE,
  });
  const author: Author = { slug: found.slug, name: found.name, bio: found.bio };
  return { author, page: { items, page, pageSize: AUTHOR_PAGE_SIZE, total, totalPages } };
});
