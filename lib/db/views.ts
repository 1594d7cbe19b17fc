import type { ArticleSummary } from '../content/types';
import type { Locale } from '../i18n/locales';
import type { Db } from './connection';
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './content-read';
import { statement } from './statements';

/**
 * Article views, counted per article and day. One upsert per view; the most-read query reads
 * the days of one week through article_views_by_day and sorts that week's articles (bounded
 * by how many were read, and run only when a list page is regenerated). INDEXED BY and CROSS
 * JOIN hold it to that: without statistics SQLite would walk every article of the locale
 * instead (tests/unit/query-plans.test.ts).
 */

/** Counts a view of a readable (published, due) article; false when there is no such article. */
export function recordArticleView(db: Db, params: { articleId: number; day: number; now: number }): boolean {
  const result = statement(
    db,
    `INSERT INTO article_views (article_id, day, views)
       SELECT id, @day, 1 FROM articles WHERE id = @articleId AND status = 'published' AND published_ms <= @now
     ON CONFLICT (article_id, day) DO UPDATE SET views = views + 1`,
  ).run(params);
  return result.changes > 0;
}

export function selectMostRead(
  db: Db,
  params: { locale: Locale; channel: string | null; fromDay: number; now: number; limit: number },
): (ArticleSummary & { views: number })[] {
  const rows = statement(
    db,
    `SELECT ${SUMMARY_COLUMNS}, SUM(v.views) AS views
       FROM article_views v INDEXED BY article_views_by_day CROSS JOIN articles a ON a.id = v.article_id
      WHERE v.day >= @fromDay AND a.locale = @locale AND (@channel IS NULL OR a.channel = @channel)
        AND a.status = 'published' AND a.published_ms <= @now
      GROUP BY v.article_id
      ORDER BY views DESC, a.published_ms DESC
      LIMIT @limit`,
  ).all(params) as (SummaryRow & { views: number })[];
  return rows.map((row) => ({ ...toSummary(row), views: row.views }));
}
