import type { ArticleSummary } from '../content/types';
import type { Locale } from '../i18n/locales';
import { isReadable, SUMMARY_SELECTION, toSummary } from './content-read';
import type { Database } from './database';
import { indexedBy, joinInOrder } from './engine';

/**
 * Article views, counted per article and day. One upsert per view; the most-read query reads
 * the days of one week through article_views_by_day and sorts that week's articles (bounded
 * by how many were read, and run only when a list page is regenerated). indexedBy and
 * joinInOrder hold SQLite to that: without statistics it would walk every article of the
 * locale instead (tests/unit/query-plans.test.ts).
 */

/** Counts a view of a readable (published, due) article; false when there is no such article. */
export async function recordArticleView(db: Database, params: { articleId: number; day: number; now: number }): Promise<boolean> {
  const result = await db
    .insertInto('article_views')
    .columns(['article_id', 'day', 'views'])
    .expression((eb) =>
      eb
        .selectFrom('articles as a')
        // Typed, so that PostgreSQL knows what the parameters are before it sees the columns.
        .select([
          'a.id',
          eb.cast<number>(eb.val(params.day), 'integer').as('day'),
          eb.cast<number>(eb.val(1), 'integer').as('views'),
        ])
        .where('a.id', '=', params.articleId)
        .where(isReadable(params.now)),
    )
    .onConflict((oc) => oc.columns(['article_id', 'day']).doUpdateSet((eb) => ({ views: eb('article_views.views', '+', 1) })))
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function selectMostRead(
  db: Database,
  params: { locale: Locale; channel: string | null; fromDay: number; now: number; limit: number },
): Promise<(ArticleSummary & { views: number })[]> {
  const { channel } = params;
  const rows = await db
    .selectFrom(indexedBy(db, 'article_views', 'v', 'article_views_by_day'))
    .$call((qb) => joinInOrder(db, qb, 'articles as a', 'a.id', 'v.article_id'))
    .select((eb) => [...SUMMARY_SELECTION, eb.fn.sum<number>('v.views').as('views')])
    .where('v.day', '>=', params.fromDay)
    .where('a.locale', '=', params.locale)
    .$if(channel !== null, (qb) => qb.where('a.channel', '=', channel!))
    .where(isReadable(params.now))
    // By the article's key: PostgreSQL then lets the article's other columns be selected.
    .groupBy('a.id')
    .orderBy('views', 'desc')
    .orderBy('a.published_ms', 'desc')
    .limit(params.limit)
    .execute();
  return rows.map((row) => ({ ...toSummary(row), views: row.views }));
}
