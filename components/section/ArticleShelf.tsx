import type { ReactNode } from 'react';
import type { ArticleSummary } from '@/lib/content/types';
import { ArticleList } from './ArticleList';

/** A titled block of article cards within a page: a channel on the home page, an article's related list. */
export function ArticleShelf({
  id,
  title,
  articles,
  children,
}: {
  /** The heading's id, which names the section. */
  id: string;
  title: ReactNode;
  articles: ArticleSummary[];
  /** What follows the list (a link to more). */
  children?: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="mt-14 border-t-4 border-brand-900 pt-4">
      <h2 id={id} className="text-2xl font-extrabold text-brand-900">
        {title}
      </h2>
      <ArticleList articles={articles} layout="shelf" className="mt-5" />
      {children}
    </section>
  );
}
