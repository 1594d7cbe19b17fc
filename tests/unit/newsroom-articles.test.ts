import { saveArticle } from '@/lib/content/article-write';
import { articleVisibility } from '@/lib/content/visibility';
import * as contentRead from '@/lib/db/content-read';
import { listNewsroomArticles, selectAuthorChoices } from '@/lib/db/newsroom-articles';
import { selectSearchMatches } from '@/lib/db/search';
import { insertStaff } from '@/lib/db/staff';
import * as syndication from '@/lib/db/syndication-read';
import { articlesListHref, listScopeFor, parseArticlesListQuery } from '@/lib/newsroom/articles-list';
import { newsroomState, type NewsroomListFilter } from '@/lib/newsroom/list-types';
import { analyzeQuery } from '@/lib/search/analyze';
import { addChannels, makeArticle } from '../helpers/articles';
import { ENGINES, openTestDatabase, type TestDatabase } from '../helpers/engines';

const NOW = Date.parse('2026-11-28T09:00:00+08:00');
const MINUTE = 60_000;

describe('the list query string', () => {
  it('keeps what it knows, drops the rest, and writes the same address back', () => {
    const query = parseArticlesListQuery({ q: '  ferry ', status: 'review', channel: 'news', lang: 'zh', author: '7', before: '1700000000000-42' });
    expect(query).toEqual({ q: 'ferry', state: 'review', channel: 'news', locale: 'zh', authorId: 7, before: { ms: 1_700_000_000_000, id: 42 } });
    expect(articlesListHref(query)).toBe('/admin/articles?q=ferry&status=review&channel=news&lang=zh&author=7&before=1700000000000-42');
    expect(parseArticlesListQuery({ status: 'secret', channel: 'A B', lang: 'fr', author: '-1', before: '12' })).toEqual({
      q: undefined, state: undefined, channel: undefined, locale: undefined, authorId: undefined, before: undefined,
    });
    expect(articlesListHref({})).toBe('/admin/articles');
  });

  it('shows a reporter only their own drafts; editors and admins every draft', () => {
    expect(listScopeFor({ id: 3, role: 'reporter' })).toEqual({ ownDraftsOf: 3 });
    expect(listScopeFor({ id: 3, role: 'editor' })).toEqual({});
    expect(listScopeFor({ id: 3, role: 'admin' })).toEqual({});
  });

  it('names the newsroom state of each status and time', () => {
    const at = (status: 'draft' | 'published' | 'withdrawn', submittedMs: number | null, publishedMs = NOW) =>
      newsroomState({ status, submittedMs, publishedMs }, NOW);
    expect([at('draft', null), at('draft', NOW), at('published', null, NOW + 1), at('published', null), at('withdrawn', null)]).toEqual([
      'draft', 'review', 'scheduled', 'published', 'withdrawn',
    ]);
  });
});

describe.each(ENGINES)('the newsroom articles list on %s', (engine) => {
  let t: TestDatabase;
  let reporter: number;
  let otherReporter: number;
  let editor: number;
  /** Newsroom id → row id. */
  const ids = new Map<string, number>();

  const list = async (filter: NewsroomListFilter & { limit?: number; before?: { ms: number; id: number } } = {}) =>
    (await listNewsroomArticles(t.db, { now: NOW, limit: 50, ...filter })).rows;
  const names = (rows: { externalId: string }[]) => rows.map((row) => row.externalId);

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await addChannels(t.db, ['news', 'business']);
    reporter = await insertStaff(t.db, { email: 'reporter@example.com', passwordHash: 'x', role: 'reporter', now: NOW });
    otherReporter = await insertStaff(t.db, { email: 'other@example.com', passwordHash: 'x', role: 'reporter', now: NOW });
    editor = await insertStaff(t.db, { email: 'editor@example.com', passwordHash: 'x', role: 'editor', now: NOW });
    // Saved a minute apart, oldest first: the list shows them the other way round.
    const articles = [
      { article: makeArticle({ id: 'ferry-en', slug: 'harbour-ferry', headline: 'Harbour ferry returns', authors: [{ name: 'Li Wen' }] }) },
      { article: makeArticle({ id: 'ferry-zh', locale: 'zh', slug: 'harbour-ferry', headline: '渡轮恢复', translationOf: 'ferry-en', authors: [{ name: 'Zhao Min' }] }), staffId: editor },
      { article: makeArticle({ id: 'budget', section: 'business', slug: 'city-budget', headline: 'City budget: 100% of it', authors: [{ name: 'Zhao Min' }] }) },
      { article: makeArticle({ id: 'draft-own', slug: 'draft-own', headline: 'Secret draft about the ferry', status: 'draft' }), staffId: reporter },
      { article: makeArticle({ id: 'review-other', slug: 'review-other', headline: 'Submitted piece about the ferry', status: 'draft' }), staffId: otherReporter },
      { article: makeArticle({ id: 'scheduled', slug: 'tomorrow', headline: 'Tomorrow ferry timetable', publishedAt: '2026-11-29T09:00:00+08:00' }), staffId: editor },
      { article: makeArticle({ id: 'gone', slug: 'gone', headline: 'Withdrawn ferry story', status: 'withdrawn' }) },
    ];
    for (const [i, { article, staffId }] of articles.entries()) {
      const result = await saveArticle(t.db, article, NOW - (articles.length - i) * MINUTE, staffId === undefined ? {} : { staffId });
      ids.set(article.id, result.id);
    }
    // The editor slice's submission: a draft with a submission time.
    await t.db.updateTable('articles').set({ submitted_ms: NOW - MINUTE }).where('external_id', '=', 'review-other').execute();
  });
  afterAll(() => t.close());

  it('lists every article newest change first, with its state, who changed it, and whether it is translated', async () => {
    const rows = await list();
    expect(names(rows)).toEqual(['gone', 'scheduled', 'review-other', 'draft-own', 'budget', 'ferry-zh', 'ferry-en']);
    expect(rows.map((row) => [row.externalId, newsroomState(row, NOW), row.changedBy, row.hasTranslation])).toEqual([
      ['gone', 'withdrawn', null, false],
      ['scheduled', 'scheduled', 'editor@example.com', false],
      ['review-other', 'review', 'other@example.com', false],
      ['draft-own', 'draft', 'reporter@example.com', false],
      ['budget', 'published', null, false],
      ['ferry-zh', 'published', 'editor@example.com', true],
      ['ferry-en', 'published', null, true],
    ]);
    expect(rows[0]).toMatchObject({ locale: 'en', channel: 'news', slug: 'gone', headline: 'Withdrawn ferry story', changedMs: NOW - MINUTE });
  });

  it('forgets the staff account when the ingest API writes the article again', async () => {
    const again = makeArticle({ id: 'ferry-zh', locale: 'zh', slug: 'harbour-ferry', headline: '渡轮恢复', translationOf: 'ferry-en', authors: [{ name: 'Zhao Min' }] });
    await saveArticle(t.db, again, NOW - 6 * MINUTE + 1);
    expect((await list({ q: '渡轮' }))[0]).toMatchObject({ externalId: 'ferry-zh', changedBy: null });
    await saveArticle(t.db, again, NOW - 6 * MINUTE, { staffId: editor });
    expect((await list({ q: '渡轮' }))[0]).toMatchObject({ externalId: 'ferry-zh', changedBy: 'editor@example.com' });
  });

  it('filters by state, channel, language and author', async () => {
    expect(names(await list({ state: 'draft' }))).toEqual(['draft-own']);
    expect(names(await list({ state: 'review' }))).toEqual(['review-other']);
    expect(names(await list({ state: 'scheduled' }))).toEqual(['scheduled']);
    expect(names(await list({ state: 'published' }))).toEqual(['budget', 'ferry-zh', 'ferry-en']);
    expect(names(await list({ state: 'withdrawn' }))).toEqual(['gone']);
    expect(names(await list({ channel: 'business' }))).toEqual(['budget']);
    expect(names(await list({ locale: 'zh' }))).toEqual(['ferry-zh']);
    const authors = await selectAuthorChoices(t.db);
    const zhao = authors.find((author) => author.name.en === 'Zhao Min')!;
    expect(names(await list({ authorId: zhao.id }))).toEqual(['budget', 'ferry-zh']);
    expect(names(await list({ authorId: zhao.id, locale: 'en', state: 'published' }))).toEqual(['budget']);
  });

  it('searches headlines and slugs ignoring case, with LIKE wildcards taken literally', async () => {
    expect(names(await list({ q: 'FERRY' }))).toEqual(['gone', 'scheduled', 'review-other', 'draft-own', 'ferry-zh', 'ferry-en']);
    expect(names(await list({ q: 'city-bud' }))).toEqual(['budget']);
    expect(names(await list({ q: '100%' }))).toEqual(['budget']);
    expect(names(await list({ q: '%' }))).toEqual(['budget']);
    expect(names(await list({ q: '_' }))).toEqual([]);
    expect(names(await list({ q: 'ferry', state: 'published', locale: 'en' }))).toEqual(['ferry-en']);
  });

  it('pages by the last row seen, without gaps or repeats', async () => {
    const seen: string[] = [];
    let before: { ms: number; id: number } | undefined;
    for (;;) {
      const page = await listNewsroomArticles(t.db, { now: NOW, limit: 3, before });
      seen.push(...names(page.rows));
      if (!page.more) break;
      const last = page.rows.at(-1)!;
      before = { ms: last.changedMs, id: last.id };
    }
    expect(seen).toEqual(names(await list()));
  });

  it("shows a reporter their own drafts and what left the desk, never another reporter's drafts", async () => {
    expect(names(await list({ ownDraftsOf: reporter }))).toEqual(['gone', 'scheduled', 'draft-own', 'budget', 'ferry-zh', 'ferry-en']);
    expect(names(await list({ ownDraftsOf: otherReporter, state: 'review' }))).toEqual(['review-other']);
    expect(names(await list({ ownDraftsOf: otherReporter, state: 'draft' }))).toEqual([]);
  });

  it('keeps drafts and articles in review out of every reader query', async () => {
    const hidden = new Set([ids.get('draft-own'), ids.get('review-other'), ids.get('scheduled'), ids.get('gone')]);
    const readerIds = [
      ...(await contentRead.selectLatestArticles(t.db, { locale: 'en', now: NOW, limit: 50 })),
      ...(await contentRead.selectChannelArticles(t.db, { locale: 'en', channel: 'news', now: NOW, limit: 50, offset: 0 })),
      ...(await syndication.selectFeedItems(t.db, { locale: 'en', now: NOW, limit: 50 })),
      ...(await syndication.selectPublishedSince(t.db, { locale: 'en', now: NOW, since: 0, limit: 50 })),
    ].map((article) => article.id);
    expect(readerIds.length).toBeGreaterThan(0);
    expect(readerIds.filter((id) => hidden.has(id))).toEqual([]);
    const chunk = await syndication.selectChunkStats(t.db, { locale: 'en', now: NOW, afterId: 0, limit: 100 });
    expect(chunk.count).toBe(2);
    // Search: each draft's own words find nothing but the published story.
    const matches = await selectSearchMatches(t.db, {
      locale: 'en', tokens: analyzeQuery('ferry'), match: 'all', channel: null, sinceMs: null, now: NOW, order: 'newest', limit: 50, offset: 0,
    });
    expect(matches.map((match) => match.id)).toEqual([ids.get('ferry-en')]);
    for (const slug of ['draft-own', 'review-other']) {
      const address = await contentRead.selectArticleAddress(t.db, 'en', slug);
      expect(address && articleVisibility(address, NOW)).toBe('hidden');
    }
  });
});
