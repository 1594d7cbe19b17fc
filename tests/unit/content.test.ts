import { saveArticle } from '@/lib/content/article-write';
import { getDatabase } from '@/lib/db/database';
import {
  findTranslation,
  getChannelListing,
  getHomePageContent,
  listChannelArticles,
  listRelatedArticles,
  lookupArticle,
} from '@/lib/content/articles';
import { addArticle, addChannels } from '../helpers/articles';

const NOW = Date.parse('2026-11-25T12:00:00+08:00');

function publishedAt(minutesAgo: number): string {
  return new Date(NOW - minutesAgo * 60_000).toISOString().replace('Z', '+00:00');
}

beforeAll(async () => {
  const db = await getDatabase();
  await addChannels(db, ['news', 'business', 'culture']);
  // 14 English news articles, one a minute, newest first: news-0 … news-13
  for (let i = 0; i < 14; i++) {
    await addArticle(db, { id: `news-${i}`, slug: `news-story-${i}`, publishedAt: publishedAt(10 + i) });
  }
  await addArticle(db, { id: 'biz-1', section: 'business', slug: 'biz-story', publishedAt: publishedAt(5) });
  await addArticle(db, {
    id: 'biz-1-zh',
    locale: 'zh',
    section: 'business',
    slug: 'biz-story',
    translationOf: 'biz-1',
    headline: '财经报道',
    publishedAt: publishedAt(4),
  });
  await addArticle(db, { id: 'draft', slug: 'a-draft', status: 'draft', publishedAt: publishedAt(1) });
  await addArticle(db, { id: 'gone', slug: 'withdrawn-story', status: 'withdrawn', publishedAt: publishedAt(2) });
  await addArticle(db, { id: 'future', slug: 'scheduled-story', publishedAt: publishedAt(-60) });
});

describe('channel pages', () => {
  it('lists published articles newest first, six to a page', async () => {
    const page1 = await listChannelArticles({ locale: 'en', channel: 'news', page: 1, now: NOW });
    expect(page1).not.toBeNull();
    expect(page1!.total).toBe(14);
    expect(page1!.totalPages).toBe(3);
    expect(page1!.items.map((a) => a.slug)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `news-story-${i}`));
    const page3 = await listChannelArticles({ locale: 'en', channel: 'news', page: 3, now: NOW });
    expect(page3!.items.map((a) => a.slug)).toEqual(['news-story-12', 'news-story-13']);
  });

  it('has no page past the end, and no page zero, negative or fractional', async () => {
    for (const page of [4, 0, -1, 1.5, Number.NaN, 1e12]) {
      expect(await listChannelArticles({ locale: 'en', channel: 'news', page, now: NOW })).toBeNull();
    }
  });

  it('leaves out drafts, withdrawn and scheduled articles until their time', async () => {
    const slugs = (await listChannelArticles({ locale: 'en', channel: 'news', page: 1, pageSize: 50, now: NOW }))!.items.map(
      (a) => a.slug,
    );
    expect(slugs).not.toContain('a-draft');
    expect(slugs).not.toContain('withdrawn-story');
    expect(slugs).not.toContain('scheduled-story');
    const later = await listChannelArticles({ locale: 'en', channel: 'news', page: 1, now: NOW + 2 * 3_600_000 });
    expect(later!.items[0]!.slug).toBe('scheduled-story');
  });

  it('returns null for an unknown channel or a malformed slug', async () => {
    expect(await getChannelListing('en', 'sport-and-leisure', 1)).toBeNull();
    expect(await getChannelListing('en', '../etc/passwd', 1)).toBeNull();
    expect((await getChannelListing('en', 'news', 1))!.channel.name).toBe('news (en)');
    expect((await getChannelListing('zh', 'news', 1))!.channel.name).toBe('news（中）');
  });
});

describe('articles', () => {
  it('finds a published article with its authors and the other-language version', async () => {
    const lookup = await lookupArticle({ locale: 'en', section: 'business', slug: 'biz-story', now: NOW });
    expect(lookup.kind).toBe('found');
    if (lookup.kind !== 'found') return;
    expect(lookup.article.authors.map((a) => a.name)).toEqual(['Li Wen']);
    expect(await findTranslation(lookup.article, NOW)).toEqual({ locale: 'zh', channel: 'business', slug: 'biz-story' });
  });

  it('has no translation for a single-language article', async () => {
    const lookup = await lookupArticle({ locale: 'en', section: 'news', slug: 'news-story-0', now: NOW });
    expect(lookup.kind).toBe('found');
    if (lookup.kind === 'found') expect(await findTranslation(lookup.article, NOW)).toBeNull();
  });

  it('says where an article moved when the channel in the URL is wrong', async () => {
    expect(await lookupArticle({ locale: 'en', section: 'news', slug: 'biz-story', now: NOW })).toEqual({
      kind: 'moved',
      to: { locale: 'en', channel: 'business', slug: 'biz-story' },
    });
  });

  it('tells withdrawn from missing, and hides drafts and scheduled articles', async () => {
    const kind = async (locale: 'en' | 'zh', slug: string) => (await lookupArticle({ locale, section: 'news', slug, now: NOW })).kind;
    expect(await kind('en', 'withdrawn-story')).toBe('withdrawn');
    expect(await kind('en', 'a-draft')).toBe('missing');
    expect(await kind('en', 'scheduled-story')).toBe('missing');
    expect(await kind('en', 'no-such-story')).toBe('missing');
    expect(await kind('zh', 'news-story-0')).toBe('missing');
  });

  it('lists related articles from the same channel without the article itself', async () => {
    const lookup = await lookupArticle({ locale: 'en', section: 'news', slug: 'news-story-0', now: NOW });
    if (lookup.kind !== 'found') throw new Error('expected the article');
    const related = await listRelatedArticles(lookup.article, 4, NOW);
    expect(related.map((a) => a.slug)).toEqual(['news-story-1', 'news-story-2', 'news-story-3', 'news-story-4']);
  });

  it('keeps the old slug when a slug changes, and updates in place', async () => {
    const db = await getDatabase();
    const original = await addArticle(db, { id: 'renamed', slug: 'first-slug', publishedAt: publishedAt(500) });
    const result = await saveArticle(db, { ...original, slug: 'second-slug' });
    expect(result).toEqual(expect.objectContaining({ created: false, previousSlug: 'first-slug' }));
    const history = await db.selectFrom('article_slug_history').select('slug').where('article_id', '=', result.id).execute();
    expect(history).toEqual([{ slug: 'first-slug' }]);
    expect((await lookupArticle({ locale: 'en', section: 'news', slug: 'second-slug', now: NOW })).kind).toBe('found');
  });
});

describe('home page', () => {
  it('has the newest article as lead and the latest of each channel with articles', async () => {
    const home = await getHomePageContent('en', NOW);
    expect(home.lead?.slug).toBe('biz-story');
    expect(home.latest[0]?.slug).toBe('news-story-0');
    expect(home.channels.map((c) => c.channel.slug)).toEqual(['news', 'business']);
    expect(home.channels[0]!.articles).toHaveLength(4);
  });

  it('is separate per language', async () => {
    const home = await getHomePageContent('zh', NOW);
    expect(home.lead?.headline).toBe('财经报道');
    expect(home.latest).toEqual([]);
  });
});
