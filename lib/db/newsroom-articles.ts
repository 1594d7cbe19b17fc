import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Locale } from '../i18n/locales';
import type { ListCursor, NewsroomArticleRecord, NewsroomListFilter, NewsroomState } from '../newsroom/list-types';
import type { Database } from './database';
import { containsText, indexedBy, joinInOrder } from './engine';
import type { ArticlesTable, Schema } from './schema';

/*
 * The newsroom's articles list (docs/decisions/0022-newsroom-articles-list.md): every article
 * whatever its status, newest change first, one page at a time by keyset (modified_ms, id), so
 * a page does not shift while articles are saved. Reads through articles_by_modified, or
 * articles_by_status_modified when a state is chosen; the other filters are checked on the
 * rows walked (a locale is half of them, a channel a sixth). A byline starts from the author.
 */

type Eb = ExpressionBuilder<Schema & { a: ArticlesTable }, 'a'>;

/** The rows of one state, at `now`: the same split as newsroomState (lib/newsroom/list-types.ts). */
function stateCondition(eb: Eb, state: NewsroomState, now: number): Expression<SqlBool> {
  switch (state) {
    case 'draft':
      return eb.and([eb('a.status', '=', 'draft'), eb('a.submitted_ms', 'is', null)]);
    case 'review':
      return eb.and([eb('a.status', '=', 'draft'), eb('a.submitted_ms', 'is not', null)]);
    case 'scheduled':
      return eb.and([eb('a.status', '=', 'published'), eb('a.published_ms', '>', now)]);
    case 'published':
      return eb.and([eb('a.status', '=', 'published'), eb('a.published_ms', '<=', now)]);
    case 'withdrawn':
      return eb('a.status', '=', 'withdrawn');
  }
}

/** Up to this many articles, a byline's are read from the author and sorted; beyond, found walking by date. */
const AUTHOR_FIRST_LIMIT = 2000;

/** How many articles carry the author's byline, counted up to `limit` (through article_authors_by_author, never further). */
async function countAuthorArticlesUpTo(db: Database, authorId: number, limit: number): Promise<number> {
  const linked = db.selectFrom('article_authors').select('article_id').where('author_id', '=', authorId).limit(limit).as('linked');
  const row = await db.selectFrom(linked).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listNewsroomArticles(
  db: Database,
  query: NewsroomListFilter & { before?: ListCursor; now: number; limit: number },
): Promise<{ rows: NewsroomArticleRecord[]; more: boolean }> {
  // SQLite has no statistics to choose between the two orders: it is told (lib/db/engine.ts).
  const index = query.state ? 'articles_by_status_modified' : 'articles_by_modified';
  const walk = db.selectFrom(indexedBy(db, 'articles', 'a', index));
  // A byline with few articles is read from the author, then sorted (walking the archive by date
  // for one with a handful took 300 ms at 100,000); one on thousands is found walking by date,
  // where its articles come soon (sorting them all took as long). Decision 0022.
  const authorId = query.authorId;
  const authorFirst = authorId !== undefined && (await countAuthorArticlesUpTo(db, authorId, AUTHOR_FIRST_LIMIT)) < AUTHOR_FIRST_LIMIT;
  let from = walk;
  if (authorId !== undefined && authorFirst) {
    from = db
      .selectFrom('article_authors as aa')
      .$call((qb) => joinInOrder(db, qb, 'articles as a', 'a.id', 'aa.article_id'))
      .where('aa.author_id', '=', authorId) as unknown as typeof walk;
  }
  let select = from
    .leftJoin('staff as s', 's.id', 'a.updated_by_staff_id')
    .select((eb) => [
      'a.id',
      'a.external_id',
      'a.locale',
      'a.channel',
      'a.slug',
      'a.headline',
      'a.status',
      'a.submitted_ms',
      'a.published_ms',
      'a.modified_ms',
      's.email as changed_by',
      eb
        .exists(
          eb
            .selectFrom('articles as t')
            .select('t.id')
            .whereRef('t.translation_group', '=', 'a.translation_group')
            .whereRef('t.locale', '<>', 'a.locale'),
        )
        .as('has_translation'),
    ])
    .orderBy('a.modified_ms', 'desc')
    .orderBy('a.id', 'desc')
    .limit(query.limit + 1);
  if (query.state) {
    const state = query.state;
    select = select.where((eb) => stateCondition(eb as unknown as Eb, state, query.now));
  }
  if (query.locale) select = select.where('a.locale', '=', query.locale);
  if (query.channel) select = select.where('a.channel', '=', query.channel);
  if (authorId !== undefined && !authorFirst) {
    select = select.where((eb) =>
      eb.exists(eb.selectFrom('article_authors as aa').select('aa.article_id').whereRef('aa.article_id', '=', 'a.id').where('aa.author_id', '=', authorId)),
    );
  }
  if (query.q) {
    const q = query.q;
    select = select.where((eb) => eb.or([containsText(db, eb.ref('a.headline'), q), containsText(db, eb.ref('a.slug'), q)]));
  }
  if (query.ownDraftsOf !== undefined) {
    const staffId = query.ownDraftsOf;
    select = select.where((eb) => eb.or([eb('a.status', '<>', 'draft'), eb('a.created_by_staff_id', '=', staffId)]));
  }
  if (query.before) {
    const { ms, id } = query.before;
    select = select.where((eb) =>
      eb.or([eb('a.modified_ms', '<', ms), eb.and([eb('a.modified_ms', '=', ms), eb('a.id', '<', id)])]),
    );
  }
  const rows = await select.execute();
  return {
    more: rows.length > query.limit,
    rows: rows.slice(0, query.limit).map((row) => ({
      id: Number(row.id),
      externalId: row.external_id,
      locale: row.locale as Locale,
      channel: row.channel,
      slug: row.slug,
      headline: row.headline,
      status: row.status,
      submittedMs: row.submitted_ms === null ? null : Number(row.submitted_ms),
      publishedMs: Number(row.published_ms),
      changedMs: Number(row.modified_ms),
      changedBy: row.changed_by,
      hasTranslation: Boolean(row.has_translation),
    })),
  };
}

/** Every byline author, for the list's filter (a newsroom's hundreds): id and both names. */
export async function selectAuthorChoices(db: Database): Promise<{ id: number; name: { en: string; zh: string } }[]> {
  const rows = await db.selectFrom('authors').select(['id', 'name_en', 'name_zh']).execute();
  return rows.map((row) => ({ id: Number(row.id), name: { en: row.name_en, zh: row.name_zh } }));
}
