import type { ArticleSummary } from '@/lib/content/types';
import { SERIES_SEPARATOR } from '@/lib/content/headline';

/** Headline text with the series label as a suffix, as in "…丨Insights". */
export function ArticleHeadline({ article }: { article: Pick<ArticleSummary, 'headline' | 'series'> }) {
  return (
    <>
      {article.headline}
      {article.series ? (
        <span className="font-semibold text-accent-700">
          {SERIES_SEPARATOR}
          {article.series}
        </span>
      ) : null}
    </>
  );
}
