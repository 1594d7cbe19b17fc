import type { ArticleSummary } from './types';

/** The separator the site puts between a headline and its series label: "Headline丨Insights". */
export const SERIES_SEPARATOR = '丨';

export function headlineWithSeries(article: Pick<ArticleSummary, 'headline' | 'series'>): string {
  return article.series ? `${article.headline}${SERIES_SEPARATOR}${article.series}` : article.headline;
}
