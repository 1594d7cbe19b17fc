import type { SearchRequest, SearchResults } from './types';

/*
 * PLACEHOLDER on branch search-ui only, so the page can be built against the contract before
 * the index lands: the search-core branch owns this file, and merging it replaces this one.
 */
export async function searchArticles(request: SearchRequest): Promise<SearchResults> {
  return { request, hits: [], total: 0, totalPages: 0, otherLocaleTotal: null };
}
