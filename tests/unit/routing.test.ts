import { BANNER_VARIANT, QUIET_VARIANT } from '@/lib/consent/cookie';
import type { Locale } from '@/lib/i18n/locales';
import {
  type AddressBook,
  type ArticleAddress,
  internalPath,
  type PageRoute,
  type Resolution,
  resolveAddress,
  variantLabel,
} from '@/lib/routing/resolve';
import {
  FIXED_PAGES,
  isAvailableSlug,
  isSlug,
  parsePageNumber,
  RESERVED_NAMES,
  safeReturnPath,
  SLUG_MAX_LENGTH,
} from '@/lib/routing/rules';
import { articleInputSchema } from '@/lib/content/article-input';
import { hostileGets } from '../helpers/hostile-requests';

/*
 * The one map of addresses, as a table: every URL form README lists, in both languages, and
 * the hostile forms the e2e suite sends, resolved without a build or a server. The address
 * book is a table too: what exists is this test's input, not the thing under test.
 */

const articles: Record<string, ArticleAddress> = {
  'en/river-bridge': { kind: 'ok' },
  'zh/jiang-bian-da-qiao': { kind: 'ok' },
  'en/old-bridge-slug': { kind: 'moved', channel: 'news', slug: 'river-bridge' },
  'zh/jiu-lu-jing': { kind: 'moved', channel: 'news', slug: 'jiang-bian-da-qiao' },
  'en/pulled-story': { kind: 'withdrawn' },
  'zh/che-hui-gao-jian': { kind: 'withdrawn' },
};
/** Articles live in the news channel; the same slug under another channel has moved. */
const book: AddressBook = {
  channelExists: async (channel) => ['news', 'business'].includes(channel),
  article: async (locale, channel, slug) => {
    const found = articles[`${locale}/${slug}`] ?? { kind: 'missing' };
    if (found.kind === 'ok' && channel !== 'news') return { kind: 'moved', channel: 'news', slug };
    return found;
  },
  authorExists: async (locale, author) => author === 'li-wen' || (locale === 'en' && author === 'tom-hart'),
  // news: 3 pages in English, 2 in Chinese; li-wen: 2 pages in English, 1 in Chinese.
  listPageExists: async (locale, list, page) =>
    list.kind === 'channel'
      ? list.channel === 'news' && page <= (locale === 'en' ? 3 : 2)
      : list.author === 'li-wen' && page <= (locale === 'en' ? 2 : 1),
};

const resolve = (url: string, acceptLanguage: string | null = null): Promise<Resolution> => {
  const [pathname, search = ''] = url.split(/\?(.*)/s);
  return resolveAddress({ pathname: pathname!, search: search ? `?${search}` : '', acceptLanguage }, book);
};
const serves = (locale: Locale, route: PageRoute, search = '', status = 200) => ({ kind: 'page', locale, route, status, search });
const moves = (location: string) => ({ kind: 'redirect', status: 308, location });
const missing = (locale: Locale) => serves(locale, { page: 'missing' }, '', 404);

describe('every address README lists, in both languages', () => {
  const zhArticle = 'jiang-bian-da-qiao';
  it.each<[string, object]>([
    ['/en', serves('en', { page: 'home' })],
    ['/zh', serves('zh', { page: 'home' })],
    ['/en?utm_source=x', serves('en', { page: 'home' }, '?utm_source=x')],
    ...FIXED_PAGES.flatMap((name): [string, object][] => [
      [`/en/${name}`, serves('en', { page: 'fixed', name })],
      [`/zh/${name}`, serves('zh', { page: 'fixed', name })],
    ]),
    ['/en/cookies?return=/en/news', serves('en', { page: 'fixed', name: 'cookies' }, '?return=/en/news')],
    ['/en/news', serves('en', { page: 'channel', channel: 'news', number: 1 })],
    ['/zh/news', serves('zh', { page: 'channel', channel: 'news', number: 1 })],
    ['/en/news?page=3', serves('en', { page: 'channel', channel: 'news', number: 3 })],
    ['/zh/news?page=2', serves('zh', { page: 'channel', channel: 'news', number: 2 })],
    ['/zh/news?page=3', missing('zh')],
    ['/en/news?page=4', missing('en')],
    ['/en/news?page=2&ref=home', serves('en', { page: 'channel', channel: 'news', number: 2 }, '?ref=home')],
    ['/en/news?page=1', moves('/en/news')],
    ['/zh/news?page=1&ref=home', moves('/zh/news?ref=home')],
    ['/en/news/page/3', moves('/en/news?page=3')],
    ['/zh/news/page/1', moves('/zh/news')],
    ['/en/news/page/abc', moves('/en/news')],
    ['/en/business', serves('en', { page: 'channel', channel: 'business', number: 1 })],
    ['/en/business?page=2', missing('en')],
    ['/en/news/river-bridge', serves('en', { page: 'article', channel: 'news', slug: 'river-bridge' })],
    [`/zh/news/${zhArticle}`, serves('zh', { page: 'article', channel: 'news', slug: zhArticle })],
    ['/en/news/river-bridge?utm=1', serves('en', { page: 'article', channel: 'news', slug: 'river-bridge' }, '?utm=1')],
    ['/en/business/river-bridge', moves('/en/news/river-bridge')],
    ['/en/news/old-bridge-slug', moves('/en/news/river-bridge')],
    ['/zh/news/jiu-lu-jing', moves(`/zh/news/${zhArticle}`)],
    ['/en/news/pulled-story', serves('en', { page: 'withdrawn' }, '', 410)],
    ['/zh/news/che-hui-gao-jian', serves('zh', { page: 'withdrawn' }, '', 410)],
    ['/en/news/no-such-story', missing('en')],
    ['/zh/news/river-bridge', missing('zh')],
    ['/en/news/river-bridge/more', missing('en')],
    ['/en/authors/li-wen', serves('en', { page: 'author', author: 'li-wen', number: 1 })],
    ['/zh/authors/li-wen', serves('zh', { page: 'author', author: 'li-wen', number: 1 })],
    ['/en/authors/li-wen?page=2', serves('en', { page: 'author', author: 'li-wen', number: 2 })],
    ['/zh/authors/li-wen?page=2', missing('zh')],
    ['/en/authors/li-wen?page=1', moves('/en/authors/li-wen')],
    ['/en/authors/li-wen/page/2', moves('/en/authors/li-wen?page=2')],
    ['/zh/authors/tom-hart', missing('zh')],
    ['/en/authors', missing('en')],
    ['/en/feed.xml', serves('en', { page: 'feed' })],
    ['/zh/feed.xml', serves('zh', { page: 'feed' })],
    ['/en/news/feed.xml', serves('en', { page: 'feed', channel: 'news' })],
    ['/zh/business/feed.xml', serves('zh', { page: 'feed', channel: 'business' })],
    ['/en/feed.xml/x', missing('en')],
    ['/en/no-such-channel', missing('en')],
    ['/zh/no-such-channel', missing('zh')],
    ['/fr', missing('en')],
    ['/zh-TW', missing('en')],
  ])('%s', async (url, expected) => {
    expect(await resolve(url)).toEqual(expected);
  });

  it.each([
    [null, '/en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', '/zh'],
    ['fr-FR,fr;q=0.9', '/en'],
  ])('sends / with Accept-Language %p to %s, varying with it', async (acceptLanguage, location) => {
    expect(await resolve('/', acceptLanguage)).toEqual({ kind: 'redirect', status: 307, location, negotiated: true });
  });

  it.each([
    [null, '/en/opensearch.xml'],
    ['zh-CN,zh;q=0.9', '/zh/opensearch.xml'],
  ])('sends /opensearch.xml with Accept-Language %p to %s, varying with it', async (acceptLanguage, location) => {
    expect(await resolve('/opensearch.xml', acceptLanguage)).toEqual({ kind: 'redirect', status: 307, location, negotiated: true });
    expect(await resolve('/opensearch.xml/x', acceptLanguage)).toEqual(missing(acceptLanguage ? 'zh' : 'en'));
  });

  it('keeps the query string of / on the way to a language', async () => {
    expect(await resolve('/?utm_source=x', 'zh')).toMatchObject({ location: '/zh?utm_source=x' });
  });

  it('answers an unsupported locale with the 404 page in the language the browser prefers', async () => {
    expect(await resolve('/de/news', 'zh-CN')).toEqual(missing('zh'));
    expect(await resolve('/EN/news', 'en')).toEqual(missing('en'));
  });
});

describe('the internal path a page is served from', () => {
  it.each<[PageRoute, string, string]>([
    [{ page: 'home' }, '/en/_ask', 'ask'],
    [{ page: 'channel', channel: 'news', number: 1 }, '/en/_ask/news', 'ask'],
    [{ page: 'channel', channel: 'news', number: 3 }, '/en/_ask/news/page/3', 'ask'],
    [{ page: 'article', channel: 'news', slug: 'river-bridge' }, '/en/_ask/news/river-bridge', 'ask'],
    [{ page: 'author', author: 'li-wen', number: 1 }, '/en/_ask/authors/li-wen', 'ask'],
    [{ page: 'author', author: 'li-wen', number: 2 }, '/en/_ask/authors/li-wen/page/2', 'ask'],
    [{ page: 'fixed', name: 'about' }, '/en/_ask/about', 'ask'],
    // The cookie settings page is the banner's full form, and feeds have no banner: one variant.
    [{ page: 'fixed', name: 'cookies' }, '/en/_quiet/cookies', 'any'],
    [{ page: 'feed' }, '/en/_quiet/feed.xml', 'any'],
    [{ page: 'feed', channel: 'news' }, '/en/_quiet/news/feed.xml', 'any'],
    [{ page: 'missing' }, '/en/_ask/missing', 'ask'],
    [{ page: 'withdrawn' }, '/en/_ask/withdrawn', 'ask'],
  ])('%j → %s with the banner', (route, path, label) => {
    expect(internalPath('en', route, BANNER_VARIANT)).toBe(path);
    expect(variantLabel(route, BANNER_VARIANT)).toBe(label);
  });

  it('uses the quiet variant once the visitor has chosen', () => {
    expect(internalPath('zh', { page: 'article', channel: 'news', slug: 'x' }, QUIET_VARIANT)).toBe('/zh/_quiet/news/x');
    expect(variantLabel({ page: 'home' }, QUIET_VARIANT)).toBe('quiet');
  });
});

describe('hostile addresses', () => {
  const readerPaths = hostileGets.filter((url) => !/^\/(api|sitemaps|admin)\//.test(url));

  it('covers the reader addresses of the e2e hostile-input suite', () => {
    expect(readerPaths.length).toBeGreaterThan(15);
  });

  // Every one of them is the 404 page, but for these two, which are served as what they are.
  const servedAnyway: Record<string, Resolution> = {
    // The first of repeated page parameters counts.
    '/en/news?page=2&page=3': serves('en', { page: 'channel', channel: 'news', number: 2 }) as Resolution,
    // The page itself refuses the foreign return path (safeReturnPath below).
    '/en/cookies?return=https://evil.example/': serves('en', { page: 'fixed', name: 'cookies' }, '?return=https://evil.example/') as Resolution,
    '/en/cookies?return=%2F%2Fevil.example': serves('en', { page: 'fixed', name: 'cookies' }, '?return=%2F%2Fevil.example') as Resolution,
  };
  it.each(readerPaths.map((url) => [url.length > 80 ? `${url.slice(0, 80)}…` : url, url]))('%s: exactly', async (_label, url) => {
    const locale = url.startsWith('/en') ? 'en' : url.startsWith('/zh') ? 'zh' : 'en';
    expect(await resolve(url)).toEqual(servedAnyway[url] ?? missing(locale));
  });

  it.each(['/en/_quiet', '/en/withdrawn', '/en/page/2', '/zh/_ask/news/river-bridge', '/en/news/page/2/3'])('%s is the 404 page', async (url) => {
    expect(await resolve(url)).toEqual(missing(url.startsWith('/zh') ? 'zh' : 'en'));
  });
});

describe('the rules', () => {
  it('has one slug rule: lowercase ASCII words joined by single hyphens, at most 120 characters', () => {
    expect(SLUG_MAX_LENGTH).toBe(120);
    for (const good of ['news', 'river-bridge-2026', 'a', 'x'.repeat(120)]) expect(isSlug(good)).toBe(true);
    for (const bad of ['', 'News', 'a--b', '-a', 'a-', 'a_b', '新闻', 'x'.repeat(121), 'a/b', '_ask']) {
      expect(isSlug(bad)).toBe(false);
    }
  });

  it('has one page-number rule: 1 to 999999, written without sign, zeros or exponent', () => {
    expect(parsePageNumber('1')).toBe(1);
    expect(parsePageNumber('999999')).toBe(999_999);
    for (const bad of ['0', '01', '-1', '1e3', '1.0', ' 1', '1000000', '', null, undefined]) {
      expect(parsePageNumber(bad)).toBeNull();
    }
  });

  it('reserves the fixed pages and the internal segments for the site, in the ingest input too', () => {
    for (const name of [...FIXED_PAGES, 'authors', 'missing', 'withdrawn', 'page', 'search', 'api', 'admin']) {
      expect(RESERVED_NAMES.has(name)).toBe(true);
      expect(isAvailableSlug(name)).toBe(false);
    }
    const input = {
      id: 'x',
      locale: 'en',
      slug: 'fine',
      headline: 'h',
      summary: 's',
      bodyHtml: '<p>b</p>',
      publishedAt: '2026-11-25T09:00:00+08:00',
    };
    expect(articleInputSchema.safeParse({ ...input, section: 'news' }).success).toBe(true);
    for (const name of FIXED_PAGES) {
      expect(articleInputSchema.safeParse({ ...input, section: name }).success).toBe(false);
      expect(articleInputSchema.safeParse({ ...input, section: 'news', slug: name }).success).toBe(false);
    }
  });

  it.each<[unknown, string | null]>([
    ['/en/news', '/en/news'],
    ['/zh/news/river-bridge?page=2', '/zh/news/river-bridge?page=2'],
    ['/en', '/en'],
    ['/en/', '/en/'],
    ['//evil.example', null],
    ['/\\evil.example', null],
    ['https://evil.example/en', null],
    ['/en/%2F%2Fevil.example', null],
    ['/en/..%2f..', null],
    ['/en/../admin', null],
    ['/en/./news', null],
    ['/fr/news', null],
    ['/en//evil.example', null],
    ['/en/news\n', null],
    ['javascript:alert(1)', null],
    [['/en'], null],
    [undefined, null],
  ])('a reader page may send the visitor back to %j: %j', (value, expected) => {
    expect(safeReturnPath(value, 'reader')).toBe(expected);
  });

  it.each<[unknown, string | null]>([
    ['/admin/messages', '/admin/messages'],
    ['/admin/messages/MSG-261125-7KQ2MZ', '/admin/messages/MSG-261125-7KQ2MZ'],
    ['/admin/messages?status=new&q=bridge+fare', '/admin/messages?status=new&q=bridge+fare'],
    ['/admin/messagesx', null],
    ['/en/news', null],
    ['//evil.example/admin/messages', null],
  ])('the staff inbox may send the visitor back to %j: %j', (value, expected) => {
    expect(safeReturnPath(value, { prefix: '/admin/messages' })).toBe(expected);
  });
});
