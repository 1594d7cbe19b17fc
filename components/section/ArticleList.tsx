import type { ArticleSummary } from '@/lib/content/types';
import { ArticleCard, type CardSize } from './ArticleCard';

/**
 * The one list of article cards, in the layouts the site uses. Also rendered in the browser
 * (what "Load more" adds), so it stays free of server-only imports.
 */
const LAYOUTS = {
  /** A channel's or an author's pages: the headlines are the page's h2s, under its h1. */
  archive: { className: 'grid gap-x-6 gap-y-10 sm:grid-cols-2 lg:grid-cols-3', size: 'regular', headingLevel: 2 },
  /** A titled block within a page (ArticleShelf): headlines are h3s under the block's h2. */
  shelf: { className: 'grid gap-x-6 gap-y-8 sm:grid-cols-2 lg:grid-cols-4', size: 'regular', headingLevel: 3 },
  /** Small cards one under another, beside or below the main content. */
  stack: { className: 'grid gap-5', size: 'compact', headingLevel: 3 },
} as const satisfies Record<string, { className: string; size: CardSize; headingLevel: 2 | 3 }>;

export type ArticleListLayout = keyof typeof LAYOUTS;

export function ArticleList({
  articles,
  layout = 'archive',
  ordered = false,
  className = '',
}: {
  articles: ArticleSummary[];
  layout?: ArticleListLayout;
  /** An `<ol>`: the order is the point (the latest first). */
  ordered?: boolean;
  /** Spacing from what comes before. */
  className?: string;
}) {
  const { className: grid, size, headingLevel } = LAYOUTS[layout];
  const List = ordered ? 'ol' : 'ul';
  return (
    <List className={className ? `${className} ${grid}` : grid}>
      {articles.map((article) => (
        <li key={article.id}>
          <ArticleCard article={article} size={size} headingLevel={headingLevel} />
        </li>
      ))}
    </List>
  );
}
