import type { ArticleStatus } from './types';

/**
 * Whether readers may see an article: published and due. Withdrawn articles are gone (410);
 * drafts, and scheduled articles before their time, do not exist for readers (404).
 */
export type Visibility = 'visible' | 'withdrawn' | 'hidden';

export function articleVisibility(article: { status: ArticleStatus; publishedMs: number }, now: number): Visibility {
  if (article.status === 'withdrawn') return 'withdrawn';
  return article.status === 'published' && article.publishedMs <= now ? 'visible' : 'hidden';
}
