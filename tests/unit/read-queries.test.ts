import pg from 'pg';
import { newAuthorSlug, saveArticle } from '@/lib/content/article-write';
import * as read from '@/lib/db/content-read';
import * as syndication from '@/lib/db/syndication-read';
import * as views from '@/lib/db/views';
import { toShanghaiIso } from '@/lib/time';
import { addArticle, addChannels } from '../helpers/articles';
import { ENGINES, openTestDatabase, type TestDatabase } from '../helpers/engines';

/*
 * The read queries of lib/db (content-read, syndication-read, views) on both engines, with the
 * same data and the same answers. The pages, feeds and sitemaps built on them are tested through
 * lib/content on the default engine (content, syndication, most-read tests).
 */

const NOW = Date.parse('2026-11-25T12:00:00+08:00');
const MINUTE = 60_000;
const at = (minutesAgo: number) => toShanghaiIso(NOW - minutesAgo * MINUTE);
const LI_WEN = newAuthorSlug('Li Wen');
const CHEN = newAuthorSlug('Chen Yuxi');

describe.each(ENGINES)('%s', (engine) => {
  let t: TestDatabase;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    const { db } = t;
    await addChannels(db, ['news', 'business']);
    // English news: news-0 (the newest) … news-7, one every ten minutes; Chen Yuxi co-writes the even ones.
    for (let i = 0; i < 8; i++) {
      await addArticle(db, {
        id: `news-${i}`,
        slug: `news-${i}`,
        publishedAt: at(10 * i + 10),
        authors: i % 2 ? [{ name: 'Li Wen' }] : [{ name: 'Li Wen' }, { name: 'Chen Yuxi' }],
        image: i === 0 ? { src: '/images/a.jpg', alt: 'Alt', caption: 'Caption', credit: 'Credit', width: 1600, height: 900 } : undefined,
      });
    }
    await addArticle(db, { id: 'biz', section: 'business', slug: 'biz', publishedAt: at(5) });
    await addArticle(db, { id: 'biz-zh', locale: 'zh', section: 'business', slug: 'biz-zh', translationOf: 'biz', publishedAt: at(4), authors: [{ name: '李雯' }] });
    await addArticle(db, { id: 'draft', slug: 'draft', status: 'draft', publishedAt: at(1) });
    await addArticle(db, { id: 'gone', slug: 'gone', status: 'withdrawn', publishedAt: at(2) });
    await addArticle(db, { id: 'later', slug: 'later', publishedAt: at(-60), authors: [{ name: 'Zhao Lei' }] });
    const renamed = await addArticle(db, { id: 'renamed', slug: 'old-name', publishedAt: at(300) });
    await saveArticle(db, { ...renamed, slug: 'new-name' });
    for (const row of await db.selectFrom('articles').select(['id', 'external_id']).execute()) ids[row.external_id] = row.id;
  });
  afterAll(() => t.close());

  describe('content', () => {
    test('channels, with names in each language', async () => {
      expect((await read.selectChannels(t.db, 'zh')).map((c) => [c.slug, c.name])).toEqual([
        ['news', 'news（中）'],
        ['business', 'business（中）'],
      ]);
      expect(await read.selectChannel(t.db, 'en', 'business')).toEqual({ slug: 'business', position: 1, name: 'business (en)', description: 'About business' });
      expect(await read.selectChannel(t.db, 'en', 'sport')).toBeNull();
    });

    test('a channel page: readable articles only, newest first, counted', async () => {
      expect(await read.countChannelArticles(t.db, 'en', 'news', NOW)).toBe(9);
      const page = await read.selectChannelArticles(t.db, { locale: 'en', channel: 'news', now: NOW, limit: 3, offset: 3 });
      expect(page.map((a) => a.slug)).toEqual(['news-3', 'news-4', 'news-5']);
      // The scheduled article appears once its time has come.
      expect(await read.countChannelArticles(t.db, 'en', 'news', NOW + 2 * 60 * MINUTE)).toBe(10);
    });

    test('the latest of a locale, with the lead picture and the times as stored', async () => {
      const latest = await read.selectLatestArticles(t.db, { locale: 'en', now: NOW, limit: 3 });
      expect(latest.map((a) => a.slug)).toEqual(['biz', 'news-0', 'news-1']);
      expect(latest[1]).toEqual(
        expect.objectContaining({
          id: ids['news-0'],
          locale: 'en',
          channel: 'news',
          image: { src: '/images/a.jpg', alt: 'Alt', caption: 'Caption', credit: 'Credit', width: 1600, height: 900 },
          publishedAt: at(10),
          updatedAt: null,
        }),
      );
      expect(latest[2]!.image).toBeNull();
      expect((await read.selectLatestArticles(t.db, { locale: 'zh', now: NOW, limit: 3 })).map((a) => a.slug)).toEqual(['biz-zh']);
      expect((await read.selectRecentRefs(t.db, 'zh', NOW, 5))).toEqual([{ locale: 'zh', channel: 'business', slug: 'biz-zh' }]);
    });

    test('the published translation of a story', async () => {
      expect(await read.selectTranslation(t.db, { group: 'biz', locale: 'zh', now: NOW })).toEqual({ locale: 'zh', channel: 'business', slug: 'biz-zh' });
      expect(await read.selectTranslation(t.db, { group: 'biz', locale: 'zh', now: NOW - 4.5 * MINUTE })).toBeNull();
      expect(await read.selectTranslation(t.db, { group: 'news-0', locale: 'zh', now: NOW })).toBeNull();
    });

    test("an author's page: who, how many, which, and since when", async () => {
      const author = await read.selectAuthor(t.db, 'en', CHEN);
      expect(author).toEqual(expect.objectContaining({ slug: CHEN, name: 'Chen Yuxi' }));
      const params = { authorId: author!.id, locale: 'en' as const, now: NOW };
      expect(await read.countAuthorArticles(t.db, params)).toBe(4);
      const page = await read.selectAuthorArticles(t.db, { ...params, limit: 2, offset: 1 });
      expect(page.map((a) => a.slug)).toEqual(['news-2', 'news-4']);
      expect(await read.countAuthorArticles(t.db, { ...params, locale: 'zh' })).toBe(0);
      expect(await read.selectAuthorFirstPublished(t.db, 'en', LI_WEN)).toBe(NOW - 300 * MINUTE);
      // A scheduled article counts from its time: the proxy compares it with the clock.
      expect(await read.selectAuthorFirstPublished(t.db, 'en', newAuthorSlug('Zhao Lei'))).toBe(NOW + 60 * MINUTE);
      expect(await read.selectAuthorFirstPublished(t.db, 'zh', LI_WEN)).toBeNull();
      expect(await read.selectAuthor(t.db, 'en', 'nobody')).toBeNull();
    });

    test('old slugs lead to the article, new ones are the article', async () => {
      expect(await read.selectSlugRedirect(t.db, 'en', 'old-name', NOW)).toEqual({ locale: 'en', channel: 'news', slug: 'new-name' });
      expect(await read.selectSlugRedirect(t.db, 'zh', 'old-name', NOW)).toBeNull();
      expect(await read.selectArticleAddress(t.db, 'en', 'new-name')).toEqual({
        status: 'published',
        publishedMs: NOW - 300 * MINUTE,
        channel: 'news',
        slug: 'new-name',
        renamed: false,
      });
      expect(await read.selectArticleAddress(t.db, 'en', 'old-name')).toEqual(expect.objectContaining({ slug: 'new-name', renamed: true }));
      expect(await read.selectArticleAddress(t.db, 'en', 'gone')).toEqual(expect.objectContaining({ status: 'withdrawn' }));
      expect(await read.selectArticleAddress(t.db, 'en', 'nothing-here')).toBeNull();
    });

    test('articles coming due, with their authors', async () => {
      const due = await read.selectArticlesDue(t.db, NOW + 59 * MINUTE, NOW + 61 * MINUTE);
      expect(due).toEqual([{ locale: 'en', channel: 'news', slug: 'later', publishedMs: Date.parse(at(-60)), authors: newAuthorSlug('Zhao Lei') }]);
      const both = await read.selectArticlesDue(t.db, NOW - 11 * MINUTE, NOW - 9 * MINUTE);
      expect(both[0]!.authors!.split(',').sort()).toEqual([LI_WEN, CHEN].sort());
      expect(await read.selectArticlesDue(t.db, NOW, NOW + MINUTE)).toEqual([]);
    });

    test('the data version moves when another connection writes (SQLite); PostgreSQL leaves it to the change log', async () => {
      const before = await read.selectDataVersion(t.db);
      expect(typeof before).toBe('number');
      // A real change: SQLite does not count an UPDATE that leaves every value as it was.
      const change = `UPDATE channels SET description_en = 'News, changed' WHERE slug = 'news'`;
      if (engine === 'sqlite') {
        const Sqlite = (await import('better-sqlite3')).default;
        const other = new Sqlite(t.location);
        other.prepare(change).run();
        other.close();
        expect(await read.selectDataVersion(t.db)).not.toBe(before);
      } else {
        // Instances learn of each other's writes from content_changes (tests/unit/content-changes.test.ts,
        // tests/e2e/cluster.test.ts), so the probe costs no query and stays put.
        const other = new pg.Client({ connectionString: t.location });
        await other.connect();
        await other.query(change);
        await other.end();
        expect(await read.selectDataVersion(t.db)).toBe(before);
      }
    });
  });

  describe('syndication', () => {
    test('sitemap chunks in id order, by keyset and by position', async () => {
      const first = await syndication.selectChunkStats(t.db, { locale: 'en', now: NOW, afterId: 0, limit: 4 });
      expect(first).toEqual({ count: 4, lastId: ids['news-3'], lastModifiedMs: NOW - 10 * MINUTE });
      const rest = await syndication.selectChunkStats(t.db, { locale: 'en', now: NOW, afterId: first.lastId!, limit: 100 });
      // news-4 … news-7, biz and the renamed article; not the draft, the withdrawn or the scheduled one.
      expect(rest.count).toBe(6);
      expect(await syndication.selectChunkStats(t.db, { locale: 'en', now: NOW, afterId: ids.renamed!, limit: 4 })).toEqual({
        count: 0,
        lastId: null,
        lastModifiedMs: null,
      });
      expect(await syndication.selectIdAtPosition(t.db, { locale: 'en', now: NOW, offset: 3 })).toBe(ids['news-3']);
      expect(await syndication.selectIdAtPosition(t.db, { locale: 'en', now: NOW, offset: 10 })).toBeNull();
    });

    test('a sitemap batch, with each published translation', async () => {
      const batch = await syndication.selectSitemapBatch(t.db, {
        locale: 'en',
        other: 'zh',
        now: NOW,
        afterId: ids['news-6']!,
        untilId: Number.MAX_SAFE_INTEGER,
        limit: 2,
      });
      expect(batch).toEqual([
        { id: ids['news-7'], locale: 'en', channel: 'news', slug: 'news-7', lastModified: at(80), translation: null },
        {
          id: ids.biz,
          locale: 'en',
          channel: 'business',
          slug: 'biz',
          lastModified: at(5),
          translation: { locale: 'zh', channel: 'business', slug: 'biz-zh' },
        },
      ]);
      const zh = await syndication.selectSitemapBatch(t.db, { locale: 'zh', other: 'en', now: NOW, afterId: 0, untilId: ids['biz-zh']!, limit: 10 });
      expect(zh.map((a) => [a.slug, a.translation?.slug])).toEqual([['biz-zh', 'biz']]);
    });

    test('what the sitemap index and the pages sitemap need', async () => {
      expect(await syndication.selectNewestInLocale(t.db, { locale: 'en', now: NOW })).toBe(NOW - 5 * MINUTE);
      expect(await syndication.selectNewestInLocale(t.db, { locale: 'zh', now: NOW - 4.5 * MINUTE })).toBeNull();
      expect(await syndication.selectChannelsWithNewest(t.db, { locale: 'zh', now: NOW })).toEqual([
        { slug: 'business', newestMs: NOW - 4 * MINUTE },
        { slug: 'news', newestMs: null },
      ]);
      const authors = await syndication.selectAuthorsWithArticles(t.db, NOW);
      expect(authors).toEqual(
        expect.arrayContaining([
          { slug: LI_WEN, locales: ['en'] },
          { slug: CHEN, locales: ['en'] },
          { slug: newAuthorSlug('李雯'), locales: ['zh'] },
        ]),
      );
      // Zhao Lei's only article is not out yet.
      expect(authors.map((a) => a.slug)).not.toContain(newAuthorSlug('Zhao Lei'));
    });

    test('the news sitemap window and the feeds', async () => {
      const since = await syndication.selectPublishedSince(t.db, { locale: 'en', now: NOW, since: NOW - 25 * MINUTE, limit: 10 });
      expect(since.map((a) => a.slug)).toEqual(['biz', 'news-0', 'news-1']);
      const feed = await syndication.selectFeedItems(t.db, { locale: 'en', now: NOW, limit: 3 });
      expect(feed.map((item) => [item.slug, item.channelName, item.authors])).toEqual([
        ['biz', 'business (en)', ['Li Wen']],
        ['news-0', 'news (en)', ['Li Wen', 'Chen Yuxi']],
        ['news-1', 'news (en)', ['Li Wen']],
      ]);
      expect(feed[1]!.externalId).toBe('news-0');
      const channel = await syndication.selectFeedItems(t.db, { locale: 'zh', channel: 'business', now: NOW, limit: 50 });
      expect(channel.map((item) => [item.slug, item.channelName, item.authors])).toEqual([['biz-zh', 'business（中）', ['李雯']]]);
      expect(await syndication.selectFeedItems(t.db, { locale: 'zh', channel: 'news', now: NOW, limit: 50 })).toEqual([]);
    });
  });

  describe('views', () => {
    test('counts views of readable articles only, and ranks a week of them', async () => {
      const day = 20_000;
      const view = (id: number, times: number, on = day) =>
        Promise.all(Array.from({ length: times }, () => views.recordArticleView(t.db, { articleId: id, day: on, now: NOW })));
      expect(await view(ids['news-1']!, 3)).toEqual([true, true, true]);
      await view(ids['news-2']!, 2, day - 1);
      await view(ids['news-2']!, 2, day - 3);
      await view(ids.biz!, 1);
      await view(ids['news-3']!, 9, day - 10);
      expect(await view(ids.draft!, 1)).toEqual([false]);
      expect(await view(ids.later!, 1)).toEqual([false]);
      expect(await view(999_999, 1)).toEqual([false]);

      const ranked = await views.selectMostRead(t.db, { locale: 'en', channel: null, fromDay: day - 6, now: NOW, limit: 5 });
      expect(ranked.map((a) => [a.slug, a.views])).toEqual([
        ['news-2', 4],
        ['news-1', 3],
        ['biz', 1],
      ]);
      const news = await views.selectMostRead(t.db, { locale: 'en', channel: 'news', fromDay: day - 6, now: NOW, limit: 1 });
      expect(news.map((a) => a.slug)).toEqual(['news-2']);
      expect(await views.selectMostRead(t.db, { locale: 'zh', channel: null, fromDay: day - 6, now: NOW, limit: 5 })).toEqual([]);
    });
  });
});
