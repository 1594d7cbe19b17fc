import { type AddressBook, internalPath, resolveAddress } from '@/lib/routing/resolve';
import { canonicalSearchQuery, normalizeSearchText, parseSearchParams } from '@/lib/search/query';
import { takeSearchAllowance, resetSearchAllowances } from '@/lib/search/rate-limit';
import { SEARCH_QUERY_MAX_CHARS } from '@/lib/search/types';

/*
 * Reading a search address (issue 16): what the proxy, the page and /api/search all do with
 * `?q=…&channel=…&time=…&order=…&page=…`. Unknown values are refused, never dropped.
 */

const parse = (query: string) => parseSearchParams('en', new URLSearchParams(query));

describe('normalizeSearchText', () => {
  it.each([
    ['  river   bridge  ', 'river bridge'],
    ['river\tbridge\nnight', 'river bridge night'],
    ['重庆\u3000火锅', '重庆 火锅'],
    ['a\u0000b\u0007c\u009fd', 'a b c d'],
    ['zero\u200bwidth\ufeff', 'zerowidth'],
    ['lone\ud800 high and \udc00low', 'lone high and low'],
    ['pair \ud83d\ude00 kept', 'pair \ud83d\ude00 kept'],
    ['cafe\u0301', 'caf\u00e9'],
    ['\u0000\u0001 \n', ''],
  ])('%j → %j', (raw, expected) => {
    expect(normalizeSearchText(raw)).toBe(expected);
  });
});

describe('parseSearchParams', () => {
  it('reads words and filters, with defaults for what is absent or empty', () => {
    expect(parse('q=%20river++bridge%20&channel=news&time=week&order=newest&page=3')).toEqual({
      ok: true,
      request: { locale: 'en', q: 'river bridge', channel: 'news', time: 'week', order: 'newest', page: 3 },
    });
    expect(parse('')).toEqual({ ok: true, request: { locale: 'en', q: '', channel: null, time: 'any', order: 'relevance', page: 1 } });
    expect(parse('q=x&channel=&time=&order=&page=')).toMatchObject({ ok: true, request: { channel: null, time: 'any', order: 'relevance', page: 1 } });
  });

  it('counts characters, not UTF-16 units, against the limit, after normalizing', () => {
    expect(parse(`q=${'a'.repeat(SEARCH_QUERY_MAX_CHARS)}`)).toMatchObject({ ok: true });
    expect(parse(`q=${'a'.repeat(SEARCH_QUERY_MAX_CHARS + 1)}`)).toEqual({ ok: false, problem: 'query_too_long' });
    expect(parse(`q=${encodeURIComponent('😀'.repeat(SEARCH_QUERY_MAX_CHARS))}`)).toMatchObject({ ok: true });
    expect(parse(`q=${encodeURIComponent(`a${' '.repeat(10_000)}b`)}`)).toMatchObject({ ok: true, request: { q: 'a b' } });
    expect(parse(`q=${'x'.repeat(10_000)}`)).toEqual({ ok: false, problem: 'query_too_long' });
  });

  it.each([
    ['channel=News', 'bad_channel'],
    ['channel=..%2Fadmin', 'bad_channel'],
    ['time=decade', 'bad_time'],
    ['time=ANY', 'bad_time'],
    ['order=oldest', 'bad_order'],
    ['order=relevance%00', 'bad_order'],
    ['page=0', 'bad_page'],
    ['page=-1', 'bad_page'],
    ['page=1e3', 'bad_page'],
    ['page=99999999999', 'bad_page'],
  ])('refuses %s (%s)', (query, problem) => {
    expect(parse(`q=x&${query}`)).toEqual({ ok: false, problem });
  });

  it.each([
    'NEAR(a b)',
    '"unclosed',
    '*',
    '-river',
    'a OR b AND NOT c',
    "'; DROP TABLE articles; --",
    '%ZZ%E4',
    '<script>alert(1)</script>',
  ])('takes hostile words as plain words: %j', (q) => {
    expect(parse(`q=${encodeURIComponent(q)}`)).toMatchObject({ ok: true, request: { q } });
  });
});

describe('canonicalSearchQuery', () => {
  it('puts parameters in one order and leaves defaults out', () => {
    expect(canonicalSearchQuery({ q: 'river bridge', channel: null, time: 'any', order: 'relevance', page: 1 })).toBe('q=river+bridge');
    expect(canonicalSearchQuery({ q: '重庆', channel: 'news', time: 'week', order: 'newest', page: 2 })).toBe(
      'q=%E9%87%8D%E5%BA%86&channel=news&time=week&order=newest&page=2',
    );
    expect(canonicalSearchQuery({ q: '', channel: null, time: 'any', order: 'relevance', page: 1 })).toBe('');
  });
});

describe('search addresses in the routing map', () => {
  const book: AddressBook = {
    channelExists: async (channel) => channel === 'news',
    article: async () => ({ kind: 'missing' }),
    authorExists: async () => false,
    listPageExists: async () => false,
  };
  const resolve = (url: string) => {
    const [pathname, search = ''] = url.split(/\?(.*)/s);
    return resolveAddress({ pathname: pathname!, search: search ? `?${search}` : '' }, book);
  };
  const serves = (locale: 'en' | 'zh', search: string, status = 200) => ({ kind: 'page', locale, route: { page: 'search' }, status, search });
  const moves = (location: string) => ({ kind: 'redirect', status: 308, location });

  it.each([
    ['/en/search', serves('en', '')],
    ['/zh/search?q=%E9%87%8D%E5%BA%86', serves('zh', '?q=%E9%87%8D%E5%BA%86')],
    ['/en/search?q=river+bridge&channel=news&time=week&order=newest&page=2', serves('en', '?q=river+bridge&channel=news&time=week&order=newest&page=2')],
    // Other spellings of the same search: one address (the edge cache's key).
    ['/en/search?q=++river%20%20bridge', moves('/en/search?q=river+bridge')],
    ['/en/search?q=river&channel=&time=any&order=relevance', moves('/en/search?q=river')],
    ['/en/search?order=newest&q=river', moves('/en/search?q=river&order=newest')],
    ['/en/search?q=river&page=1', moves('/en/search?q=river')],
    ['/en/search?q=river&utm_source=x', moves('/en/search?q=river')],
    ['/en/search?q=a&q=b', moves('/en/search?q=a')],
    ['/en/search?q=', moves('/en/search')],
    ['/en/search?q=%ED%A0%80', moves('/en/search?q=%EF%BF%BD%EF%BF%BD%EF%BF%BD')],
    // Searches the page cannot run: served with 400, and the page says why.
    [`/en/search?q=${'a'.repeat(201)}`, serves('en', `?q=${'a'.repeat(201)}`, 400)],
    ['/zh/search?q=x&channel=nope', serves('zh', '?q=x&channel=nope', 400)],
    ['/en/search?q=x&time=decade', serves('en', '?q=x&time=decade', 400)],
    ['/en/search?q=x&page=abc', serves('en', '?q=x&page=abc', 400)],
    ['/en/search/more', { kind: 'page', locale: 'en', route: { page: 'missing' }, status: 404, search: '' }],
    ['/en/opensearch.xml', { kind: 'page', locale: 'en', route: { page: 'opensearch' }, status: 200, search: '' }],
  ])('%s', async (url, expected) => {
    expect(await resolve(url)).toEqual(expected);
  });

  it('serves the search page in both consent variants, the OpenSearch description in one', () => {
    expect(internalPath('zh', { page: 'search' }, '_ask')).toBe('/zh/_ask/search');
    expect(internalPath('en', { page: 'opensearch' }, '_ask')).toBe('/en/_quiet/opensearch.xml');
  });
});

describe('takeSearchAllowance', () => {
  beforeEach(() => resetSearchAllowances());
  const limit = { max: 3, windowMs: 10_000 };

  it('lets max searches through per window and client, then says when to come back', () => {
    const start = 1_000_000;
    for (let i = 0; i < 3; i++) expect(takeSearchAllowance('a', start + i, limit)).toEqual({ allowed: true });
    expect(takeSearchAllowance('a', start + 2_500, limit)).toEqual({ allowed: false, retryAfterSeconds: 8 });
    expect(takeSearchAllowance('b', start + 2_500, limit)).toEqual({ allowed: true });
    expect(takeSearchAllowance('a', start + 10_000, limit)).toEqual({ allowed: true });
  });
});
