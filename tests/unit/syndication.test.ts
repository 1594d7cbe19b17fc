import { findArticleSitemapRange, listFeedItems, planArticleSitemaps } from '@/lib/content/syndication';
import { toShanghaiIso, toShanghaiRfc822 } from '@/lib/time';
import { saveArticle } from '@/lib/content/article-write';
import { getDatabase } from '@/lib/db/database';
import { renderRssFeed } from '@/lib/seo/feeds';
import { renderNewsSitemap, renderPagesSitemap, renderSitemapIndex, streamArticleSitemap } from '@/lib/seo/sitemaps';
import { escapeXml } from '@/lib/seo/xml';
import { site } from '@/lib/site';
import { addArticle, addChannels } from '../helpers/articles';
import { type NewsSitemapUrl, parseXml, readChunks, type SitemapUrl } from '../helpers/xml';

const NOW = Date.parse('2026-11-25T12:00:00+08:00');
const minutesAgo = (minutes: number) => toShanghaiIso(NOW - minutes * 60_000);

const HOSTILE = `Tom & "Jerry" say 'hi' </script><b>bold</b> ]]> <!-- \u0001\u000B\uFFFEend`;

/*
 * English: 22 published stories (0 the newest), with a draft, a withdrawn and a scheduled
 * article among them (by id), then a renamed story, a hostile headline and one from three
 * days ago: 25 visible. Chinese: translations of stories 0 and 5, and one Chinese-only story.
 */
beforeAll(async () => {
  const db = await getDatabase();
  await addChannels(db, ['news', 'culture']);
  for (let i = 0; i < 22; i++) {
    await addArticle(db, {
      id: `en-${i}`,
      slug: `story-${i}`,
      section: i % 2 ? 'culture' : 'news',
      publishedAt: minutesAgo(60 * i + 10),
      authors: i === 0 ? [{ name: 'Li Wen' }, { name: 'Chen Yuxi' }] : [{ name: 'Li Wen' }],
      image: { src: '/images/demo/a-lead.jpg', alt: '', caption: '', credit: '', width: 1600, height: 900 },
    });
    if (i === 3) await addArticle(db, { id: 'draft', slug: 'draft-story', status: 'draft', publishedAt: minutesAgo(5) });
    if (i === 7) await addArticle(db, { id: 'gone', slug: 'gone-story', status: 'withdrawn', publishedAt: minutesAgo(5) });
    if (i === 11) await addArticle(db, { id: 'later', slug: 'scheduled-story', publishedAt: minutesAgo(-60) });
  }
  const renamed = await addArticle(db, { id: 'renamed', slug: 'old-name', publishedAt: minutesAgo(2500) });
  await saveArticle(db, { ...renamed, slug: 'new-name' });
  await addArticle(db, { id: 'hostile', slug: 'hostile', headline: HOSTILE, summary: HOSTILE, publishedAt: minutesAgo(2000) });
  await addArticle(db, { id: 'old', slug: 'three-days-old', publishedAt: minutesAgo(3 * 24 * 60) });
  for (const i of [0, 5]) {
    await addArticle(db, {
      id: `zh-${i}`,
      locale: 'zh',
      slug: `story-${i}-zh`,
      section: i % 2 ? 'culture' : 'news',
      translationOf: `en-${i}`,
      authors: [{ name: '李雯' }],
      publishedAt: minutesAgo(60 * i + 5),
    });
  }
  await addArticle(db, { id: 'zh-only', locale: 'zh', slug: 'zh-only', publishedAt: minutesAgo(30) });
});

const VISIBLE_EN = [...Array.from({ length: 22 }, (_, i) => `story-${i}`), 'new-name', 'hostile', 'three-days-old'];

describe('XML escaping', () => {
  it('escapes the five special characters', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;');
  });

  it('drops characters XML 1.0 cannot carry and keeps every other one', () => {
    expect(escapeXml('a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\uFFFEh\uFFFFi\uD800j\uDFFFk')).toBe('abcdefghijk');
    expect(escapeXml('tab\tline\ncr\r 重庆 \u{1F680} \uE000 \u0085')).toBe('tab\tline\ncr\r 重庆 \u{1F680} \uE000 \u0085');
  });

  it('keeps a feed well-formed around hostile text, which reads back as it was (less what XML forbids)', async () => {
    const [item] = (await listFeedItems('en', { now: NOW })).filter((i) => i.slug === 'hostile');
    const xml = renderRssFeed(
      { title: HOSTILE, description: HOSTILE, link: '/en', self: '/en/feed.xml', locale: 'en' },
      [item!],
      NOW,
    );
    const channel = parseXml(xml).rss.channel;
    const readable = HOSTILE.replace(/[\u0001\u000B\uFFFE]/g, '');
    expect(channel.title).toBe(readable);
    expect(channel.item[0].title).toBe(readable);
    // The summary is plain text in an HTML field: it arrives as escaped HTML, shown as text.
    expect(channel.item[0].description).toBe(
      readable.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'),
    );
  });
});

describe('dates', () => {
  it('formats RFC 822 dates in Shanghai time', () => {
    expect(toShanghaiRfc822('2026-11-25T10:30:00Z')).toBe('Wed, 25 Nov 2026 18:30:00 +0800');
    expect(toShanghaiRfc822('2026-12-31T16:00:05Z')).toBe('Fri, 01 Jan 2027 00:00:05 +0800');
    expect(toShanghaiRfc822('2026-03-01T08:05:09+08:00')).toBe('Sun, 01 Mar 2026 08:05:09 +0800');
    expect(toShanghaiRfc822(Date.parse('2026-11-25T18:30:00+08:00'))).toBe('Wed, 25 Nov 2026 18:30:00 +0800');
  });
});

describe('article sitemaps', () => {
  it('cuts a locale into files of at most perFile published articles, in id order', async () => {
    const files = await planArticleSitemaps('en', { now: NOW, perFile: 10 });
    expect(files.map((f) => [f.number, f.count])).toEqual([
      [1, 10],
      [2, 10],
      [3, 5],
    ]);
    expect(files[0]!.afterId).toBe(0);
    expect(files[1]!.afterId).toBe(files[0]!.lastId);
    expect((await planArticleSitemaps('zh', { now: NOW, perFile: 10 })).map((f) => f.count)).toEqual([3]);
    // Exactly full: no empty file after the last.
    expect((await planArticleSitemaps('en', { now: NOW, perFile: 25 })).map((f) => f.count)).toEqual([25]);
  });

  it('finds the same files by number, and none past the end', async () => {
    const files = await planArticleSitemaps('en', { now: NOW, perFile: 10 });
    expect(await findArticleSitemapRange('en', 1, { now: NOW, perFile: 10 })).toEqual({ afterId: 0, untilId: files[0]!.lastId });
    expect(await findArticleSitemapRange('en', 2, { now: NOW, perFile: 10 })).toEqual({
      afterId: files[0]!.lastId,
      untilId: files[1]!.lastId,
    });
    expect((await findArticleSitemapRange('en', 3, { now: NOW, perFile: 10 }))?.afterId).toBe(files[1]!.lastId);
    expect(await findArticleSitemapRange('en', 4, { now: NOW, perFile: 10 })).toBeNull();
    expect(await streamArticleSitemap('en', 4, { now: NOW, perFile: 10 })).toBeNull();
    // 25 articles, 25 a file: the file after the last would be empty, so there is none.
    expect(await streamArticleSitemap('en', 2, { now: NOW, perFile: 25 })).toBeNull();
    expect(await streamArticleSitemap('en', 0, { now: NOW, perFile: 10 })).toBeNull();
  });

  it('streams each file batch by batch; together they list every visible article once', async () => {
    const db = await getDatabase();
    const locs: string[] = [];
    for (const number of [1, 2, 3]) {
      const stream = (await streamArticleSitemap('en', number, { now: NOW, perFile: 10, batchSize: 3 }))!;
      // A write between chunks fails while a cursor is open: the stream must not hold one.
      const chunks = await readChunks(stream, () => db.updateTable('channels').set((eb) => ({ position: eb.ref('position') })).execute());
      expect(chunks.length).toBeGreaterThanOrEqual(3);
      const urls = parseXml(chunks.join('')).urlset.url as SitemapUrl[];
      expect(urls.length).toBeLessThanOrEqual(10);
      locs.push(...urls.map((u) => u.loc));
    }
    expect(locs.sort()).toEqual(
      VISIBLE_EN.map((slug) => `${site.url}/en/${/^story-\d*[13579]$/.test(slug) ? 'culture' : 'news'}/${slug}`).sort(),
    );
  });

  it('gives translated articles reciprocal alternates with x-default on English, others none', async () => {
    const read = async (locale: 'en' | 'zh') =>
      parseXml((await readChunks((await streamArticleSitemap(locale, 1, { now: NOW }))!)).join('')).urlset.url as SitemapUrl[];
    const en = await read('en');
    const zh = await read('zh');
    const links = (urls: SitemapUrl[], path: string) =>
      urls.find((u) => u.loc === `${site.url}${path}`)?.['xhtml:link']?.map((l) => [l.hreflang, l.href.replace(site.url, '')]);
    const pair = [
      ['en', '/en/news/story-0'],
      ['zh', '/zh/news/story-0-zh'],
      ['x-default', '/en/news/story-0'],
    ];
    expect(links(en, '/en/news/story-0')).toEqual(pair);
    expect(links(zh, '/zh/news/story-0-zh')).toEqual(pair);
    expect(links(en, '/en/news/story-2')).toBeUndefined();
    expect(links(zh, '/zh/news/zh-only')).toBeUndefined();
    expect(en.find((u) => u.loc.endsWith('/story-0'))?.lastmod).toBe(minutesAgo(10));
  });

  it('lists every file and the pages and news sitemaps in the index', async () => {
    const index = parseXml(await renderSitemapIndex(NOW)).sitemapindex.sitemap as { loc: string; lastmod: string }[];
    expect(index.map((s) => s.loc.replace(site.url, ''))).toEqual([
      '/sitemaps/en/pages.xml',
      '/sitemaps/en/articles-1.xml',
      '/sitemaps/zh/pages.xml',
      '/sitemaps/zh/articles-1.xml',
      '/sitemaps/news.xml',
    ]);
    for (const entry of index) expect(entry.lastmod).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
  });
});

describe('pages sitemaps', () => {
  it('lists home, channels, fixed pages and authors, with alternates where both languages exist', async () => {
    const urls = parseXml(await renderPagesSitemap('zh', NOW)).urlset.url as SitemapUrl[];
    const paths = urls.map((u) => u.loc.replace(site.url, ''));
    expect(paths.slice(0, 7)).toEqual(['/zh', '/zh/culture', '/zh/news', '/zh/about', '/zh/contact', '/zh/privacy', '/zh/terms']);
    // Li Wen writes in both languages (the Chinese-only story has the default byline); the
    // author of the Chinese translations only in Chinese.
    const authors = urls.filter((u) => u.loc.includes('/zh/authors/'));
    expect(authors).toHaveLength(2);
    const hreflangs = (u: SitemapUrl | undefined) => u?.['xhtml:link']?.map((l) => l.hreflang);
    expect(hreflangs(authors.find((u) => u.loc.includes('/authors/li-wen-')))).toEqual(['en', 'zh', 'x-default']);
    expect(hreflangs(authors.find((u) => !u.loc.includes('/authors/li-wen-')))).toBeUndefined();
    expect(urls[0]!['xhtml:link']!.map((l) => [l.hreflang, l.href])).toEqual([
      ['en', `${site.url}/en`],
      ['zh', `${site.url}/zh`],
      ['x-default', `${site.url}/`],
    ]);
    const en = (parseXml(await renderPagesSitemap('en', NOW)).urlset.url as SitemapUrl[]).map((u) => u.loc);
    expect(en.filter((loc) => loc.includes('/en/authors/'))).toHaveLength(2);
  });
});

describe('news sitemap', () => {
  it('has both languages of the last 48 hours, newest first, and nothing unpublished', async () => {
    const urls = parseXml(await renderNewsSitemap(NOW)).urlset.url as NewsSitemapUrl[];
    const paths = urls.map((u) => u.loc.replace(site.url, ''));
    expect(paths.slice(0, 3)).toEqual(['/zh/news/story-0-zh', '/en/news/story-0', '/zh/news/zh-only']);
    expect(paths).toContain('/en/news/hostile');
    expect(paths).toContain('/en/news/new-name');
    for (const hidden of ['three-days-old', 'draft-story', 'gone-story', 'scheduled-story', 'old-name']) {
      expect(paths.filter((p) => p.endsWith(`/${hidden}`))).toEqual([]);
    }
    const dates = urls.map((u) => Date.parse(u['news:news']['news:publication_date']));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(urls[0]!['news:news']['news:publication']['news:language']).toBe('zh-cn');
    expect(urls[1]!['news:news']['news:publication']['news:language']).toBe('en');
  });
});

describe('feeds', () => {
  it('lists the newest published articles with channel names and authors in byline order', async () => {
    const items = await listFeedItems('en', { now: NOW });
    expect(items.map((i) => i.slug)).toEqual(['story-0', ...VISIBLE_EN.slice(1, 22), 'hostile', 'new-name', 'three-days-old']);
    expect(items[0]).toEqual(
      expect.objectContaining({ externalId: 'en-0', channelName: 'news (en)', authors: ['Li Wen', 'Chen Yuxi'] }),
    );
    expect(await listFeedItems('en', { now: NOW, limit: 3 })).toHaveLength(3);
    expect((await listFeedItems('zh', { channel: 'culture', now: NOW })).map((i) => [i.slug, i.channelName])).toEqual([
      ['story-5-zh', 'culture（中）'],
    ]);
    expect(await listFeedItems('en', { channel: '../news', now: NOW })).toEqual([]);
  });

  it('renders RSS 2.0 items with a stable guid, RFC 822 dates and the lead image', async () => {
    const items = await listFeedItems('en', { now: NOW, limit: 2 });
    const channel = parseXml(
      renderRssFeed({ title: 'T', description: 'D', link: '/en', self: '/en/feed.xml', locale: 'en' }, items, NOW),
    ).rss.channel;
    expect(channel.language).toBe('en');
    expect(channel['atom:link']).toEqual({ href: `${site.url}/en/feed.xml`, rel: 'self', type: 'application/rss+xml' });
    expect(channel.lastBuildDate).toBe(toShanghaiRfc822(minutesAgo(10)));
    const [first] = channel.item;
    expect(first.guid).toEqual({ '#text': 'en-0', isPermaLink: 'false' });
    expect(first.link).toBe(`${site.url}/en/news/story-0`);
    expect(first.pubDate).toBe('Wed, 25 Nov 2026 11:50:00 +0800');
    expect(first['dc:creator']).toEqual(['Li Wen', 'Chen Yuxi']);
    expect(first['media:content']).toEqual({
      url: `${site.url}/images/demo/a-lead.jpg`,
      medium: 'image',
      type: 'image/jpeg',
      width: '1600',
      height: '900',
    });
  });
});
