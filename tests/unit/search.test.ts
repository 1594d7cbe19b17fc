import { setArticleStatus } from '@/lib/db/content-write';
import type { Database } from '@/lib/db/database';
import { writeTransaction } from '@/lib/db/engine';
import { countSearchDocuments, tsvectorLiteral } from '@/lib/db/search';
import { analyzeQuery, analyzeText, SEARCH_MAX_TERMS } from '@/lib/search/analyze';
import { markMatches, snippetRuns } from '@/lib/search/highlight';
import { ensureSearchIndex, rebuildSearchIndex } from '@/lib/search/indexing';
import { searchArticlesIn } from '@/lib/search/search';
import type { SearchRequest, SearchResults } from '@/lib/search/types';
import { addArticle, addChannels } from '../helpers/articles';
import { ENGINES, openTestDatabase, type TestDatabase } from '../helpers/engines';
import { sql } from 'kysely';

/*
 * Search (issue 16) on both engines: what a reader types, what they find, in which order, and
 * that nothing they type can break it. The analyzer's own cases first (no database).
 */

const NOW = Date.parse('2026-11-25T12:00:00+08:00');
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('the analyzer', () => {
  it('stems English, folds case, width and accents', () => {
    expect(analyzeText('Bridges')).toEqual(analyzeText('bridge'));
    expect(analyzeText('reopened')).toEqual(analyzeText('Reopens'));
    expect(analyzeText('CAFÉ Ｃａｆｅ')).toEqual(['cafe', 'cafe']);
  });

  it('segments Chinese into words and characters', () => {
    const tokens = analyzeText('重庆火锅价格上涨');
    expect(tokens).toEqual(expect.arrayContaining(['重庆', '火锅', '重庆火锅', '价格', '重', '锅']));
    expect(analyzeQuery('重庆火锅')).toEqual(['重庆', '火锅']);
    expect(analyzeQuery('渝')).toEqual(['渝']);
    expect(analyzeQuery('Chongqing 轻轨 2号线')).toEqual(['chongq', '轻轨', '2', '号线']);
  });

  it('drops stopwords unless nothing else is left, and caps the number of terms', () => {
    expect(analyzeQuery('the bridge of the city')).toEqual(['bridg', 'citi']);
    expect(analyzeQuery('The Who')).toEqual(['the', 'who']);
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ');
    expect(analyzeQuery(long)).toHaveLength(SEARCH_MAX_TERMS);
  });

  it('marks matched words and Chinese substrings', () => {
    expect(markMatches('New bridges open', analyzeQuery('bridge'))).toEqual([
      { text: 'New ', match: false },
      { text: 'bridges', match: true },
      { text: ' open', match: false },
    ]);
    expect(markMatches('成渝地区轻轨', analyzeQuery('渝'))).toEqual([
      { text: '成', match: false },
      { text: '渝', match: true },
      { text: '地区轻轨', match: false },
    ]);
    const words = Array.from({ length: 100 }, (_, i) => (i === 60 ? 'ferries' : `w${i}`)).join(' ');
    const snippet = snippetRuns(words, analyzeQuery('ferry'));
    expect(snippet.find((run) => run.match)?.text).toBe('ferries');
    expect(snippet.map((run) => run.text).join('').split(' ').length).toBeLessThanOrEqual(34);
  });
});

const HOSTILE = [
  'NEAR(a b',
  '"',
  '""""',
  '*',
  'a*',
  '-bridge',
  'bridge OR river',
  'NOT AND OR',
  "'; DROP TABLE articles; --",
  "' OR 1=1 --",
  '\\',
  ':*',
  '!(a & b) | c',
  'a:A',
  '\u0000\u0007\u001b[31m',
  '\uD800 lone \uDFFF surrogates',
  '^bridge',
  'headline:bridge',
  '{headline summary}: bridge',
  '😀 emoji 🚇',
  'x'.repeat(10_000),
  Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' '),
  '渝'.repeat(5000),
];

describe.each(ENGINES)('search on %s', (engine) => {
  let test: TestDatabase;
  let db: Database;

  const search = (q: string, extra: Partial<SearchRequest> = {}, now = NOW): Promise<SearchResults> =>
    searchArticlesIn(db, { locale: 'en', q, channel: null, time: 'any', order: 'relevance', page: 1, ...extra }, now);
  const slugs = (results: SearchResults) => results.hits.map((hit) => hit.article.slug);

  beforeAll(async () => {
    test = await openTestDatabase(engine);
    db = test.db;
    await addChannels(db, ['news', 'business']);
    const at = (days: number) => iso(NOW - days * DAY);
    await addArticle(db, {
      slug: 'bridge-headline',
      headline: 'New Bridges Cross the Jialing',
      summary: 'Two crossings open.',
      bodyHtml: '<p>Traffic moves faster.</p>',
      publishedAt: at(30),
      authors: [{ name: 'Li Wen' }, { name: 'Emma Hart' }],
    });
    await addArticle(db, {
      slug: 'bridge-body',
      headline: 'Traffic report for the week',
      summary: 'Roads were busy.',
      bodyHtml: '<p>Drivers used the bridge at dawn and the bridge again at dusk.</p>',
      publishedAt: at(1),
    });
    await addArticle(db, {
      slug: 'riverside-walk-reopens',
      section: 'business',
      headline: 'Riverside Walk Reopens',
      summary: 'The path reopened on Friday, café stalls included.',
      bodyHtml: '<p>Walkers returned.</p>',
      publishedAt: at(3),
    });
    await addArticle(db, {
      locale: 'zh',
      slug: 'chengyu-rail',
      headline: '成渝地区轻轨新线开通',
      summary: '重庆火锅店老板说，客流明显增加。',
      bodyHtml: '<p>新线连接两座城市。</p>',
      publishedAt: at(2),
    });
    await addArticle(db, { locale: 'zh', slug: 'zh-other', headline: '山城步道', summary: '周末散步。', publishedAt: at(40) });
    await addArticle(db, { slug: 'draft-bridge', headline: 'Draft bridge story', status: 'draft', publishedAt: at(1) });
    await addArticle(db, { slug: 'withdrawn-bridge', headline: 'Withdrawn bridge story', status: 'withdrawn', publishedAt: at(1) });
    await addArticle(db, { slug: 'scheduled-bridge', headline: 'Scheduled bridge story', publishedAt: iso(NOW + DAY) });
  });
  afterAll(() => test.close());

  it('finds English by stem, case and accents', async () => {
    expect(slugs(await search('bridges'))).toEqual(['bridge-headline', 'bridge-body']);
    expect(slugs(await search('BRIDGE'))).toEqual(['bridge-headline', 'bridge-body']);
    expect(slugs(await search('reopened'))).toEqual(['riverside-walk-reopens']);
    expect(slugs(await search('cafe'))).toEqual(['riverside-walk-reopens']);
    expect(slugs(await search('Café'))).toEqual(['riverside-walk-reopens']);
  });

  it('finds Chinese by one- and two-character words, in the Chinese pages only', async () => {
    for (const q of ['渝', '火锅', '轻轨', '重庆火锅', '成渝地区']) {
      expect(slugs(await search(q, { locale: 'zh' }))).toEqual(['chengyu-rail']);
    }
    expect(slugs(await search('步道', { locale: 'zh' }))).toEqual(['zh-other']);
  });

  it('ranks a headline match above a body-only match, even an older one', async () => {
    const results = await search('bridge');
    expect(slugs(results)).toEqual(['bridge-headline', 'bridge-body']);
    expect(results.total).toBe(2);
    expect(slugs(await search('bridge', { order: 'newest' }))).toEqual(['bridge-body', 'bridge-headline']);
  });

  it('fills a hit: channel name, byline in order, marked headline and snippet', async () => {
    const [hit] = (await search('bridges')).hits;
    expect(hit!.channelName).toBe('news (en)');
    expect(hit!.authors).toEqual(['Li Wen', 'Emma Hart']);
    expect(hit!.headline.filter((run) => run.match).map((run) => run.text)).toEqual(['Bridges']);
    const [zh] = (await search('渝', { locale: 'zh' })).hits;
    expect(zh!.headline.filter((run) => run.match).map((run) => run.text)).toEqual(['渝']);
    expect(zh!.snippet.map((run) => run.text).join('')).toContain('重庆火锅');
    const [body] = (await search('火锅', { locale: 'zh' })).hits;
    expect(body!.snippet.filter((run) => run.match).map((run) => run.text)).toEqual(['火锅']);
  });

  it('filters by channel and time window', async () => {
    expect(slugs(await search('bridge', { channel: 'business' }))).toEqual([]);
    expect(slugs(await search('reopens', { channel: 'business' }))).toEqual(['riverside-walk-reopens']);
    expect(slugs(await search('bridge', { time: 'week' }))).toEqual(['bridge-body']);
    expect(slugs(await search('bridge', { time: 'day' }))).toEqual(['bridge-body']);
    expect(slugs(await search('bridge', { time: 'month' }))).toEqual(['bridge-headline', 'bridge-body']);
  });

  it('falls back to any of the words when no story has them all', async () => {
    const results = await search('swimming across bridges');
    expect(slugs(results)).toEqual(['bridge-headline', 'bridge-body']);
    expect(results.total).toBe(2);
    expect(results.matchedAllWords).toBe(false);
    expect((await search('bridge')).matchedAllWords).toBe(true);
    expect((await search('swimming ferries')).total).toBe(0);
  });

  it('offers the other language when this one has nothing', async () => {
    expect((await search('轻轨')).otherLocaleTotal).toBe(1);
    expect((await search('bridge', { locale: 'zh' })).otherLocaleTotal).toBe(2);
    expect((await search('bridge')).otherLocaleTotal).toBeNull();
    expect(await search('')).toEqual(expect.objectContaining({ total: 0, hits: [], otherLocaleTotal: null }));
    expect(await search('!!! …')).toEqual(expect.objectContaining({ total: 0, hits: [], otherLocaleTotal: 0 }));
  });

  it('never finds drafts, withdrawn or scheduled articles; a scheduled one once it is due', async () => {
    expect(slugs(await search('story'))).toEqual([]);
    expect(slugs(await search('story', {}, NOW + 2 * DAY))).toEqual(['scheduled-bridge']);
  });

  it('follows edits, withdrawals and republishing in the same transaction', async () => {
    const article = await addArticle(db, { slug: 'ferry-news', headline: 'Ferry timetable changes', publishedAt: iso(NOW - DAY) });
    expect(slugs(await search('ferries'))).toEqual(['ferry-news']);
    await addArticle(db, { ...article, headline: 'Cable car timetable changes' });
    expect(slugs(await search('ferries'))).toEqual([]);
    expect(slugs(await search('cable car'))).toEqual(['ferry-news']);
    await setArticleStatus(db, article.id, 'withdrawn');
    expect(slugs(await search('cable car'))).toEqual([]);
    await setArticleStatus(db, article.id, 'published');
    expect(slugs(await search('cable car'))).toEqual(['ferry-news']);
    // A write that fails leaves the index as it was: the document is part of the article's transaction.
    await expect(
      writeTransaction(db, 'articles', async (trx) => {
        await addArticle(trx, { ...article, headline: 'Tram timetable changes' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(slugs(await search('tram'))).toEqual([]);
    expect(slugs(await search('cable car'))).toEqual(['ferry-news']);
  });

  it('pages ten at a time with a total', async () => {
    for (let i = 0; i < 23; i++) {
      await addArticle(db, { slug: `lantern-${i}`, headline: `Lantern night ${i}`, publishedAt: iso(NOW - (i + 1) * 3_600_000) });
    }
    const first = await search('lanterns', { order: 'newest' });
    expect(first.total).toBe(23);
    expect(first.totalPages).toBe(3);
    expect(slugs(first)).toEqual(Array.from({ length: 10 }, (_, i) => `lantern-${i}`));
    expect(slugs(await search('lanterns', { order: 'newest', page: 3 }))).toEqual(['lantern-20', 'lantern-21', 'lantern-22']);
    expect(slugs(await search('lanterns', { page: 4 }))).toEqual([]);
    // Similar matches: the newer first.
    expect(slugs(await search('lanterns')).slice(0, 3)).toEqual(['lantern-0', 'lantern-1', 'lantern-2']);
  });

  it('never throws on hostile input', async () => {
    for (const q of HOSTILE) {
      for (const locale of ['en', 'zh'] as const) {
        const results = await search(q, { locale });
        expect(results.total).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('stores Chinese words whole in PostgreSQL, without its text parser', async () => {
    if (engine !== 'postgres') return;
    const literal = tsvectorLiteral({ headline: '重庆 火锅', summary: '渝', body: 'bridg' });
    const { rows } = await sql<{ stored: string; parsed: string }>`
      SELECT CAST(CAST(${literal} AS tsvector) AS text) AS stored,
             CAST(to_tsvector('simple', '重庆火锅 成渝') AS text) AS parsed`.execute(db);
    expect(rows[0]!.stored).toBe("'bridg':4C '渝':3B '火锅':2A '重庆':1A");
    // What the parser would have made of unsegmented Chinese on this server (C locale): whole
    // runs, so 火锅 alone could never match. Segmenting first is what makes it searchable.
    expect(rows[0]!.parsed).not.toContain("'火锅'");
  });

  it('indexes articles stored before the index existed, and rebuilds', async () => {
    const before = await countSearchDocuments(db);
    await sql`DELETE FROM search_documents`.execute(db);
    expect(slugs(await search('bridges'))).toEqual([]);
    expect(await ensureSearchIndex(db)).toBe(before);
    expect(slugs(await search('bridges'))).toEqual(['bridge-headline', 'bridge-body']);
    expect(await ensureSearchIndex(db)).toBe(0);
    expect(await rebuildSearchIndex(db)).toBe(before);
    expect(slugs(await search('渝', { locale: 'zh' }))).toEqual(['chengyu-rail']);
  });
});
