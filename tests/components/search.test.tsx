import { cleanup, screen, within } from '@testing-library/react';
import { HeaderSearch } from '@/components/search/HeaderSearch';
import { SearchView } from '@/components/search/SearchView';
import type { Channel } from '@/lib/content/types';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import type { SearchOutcome, SearchPage } from '@/lib/search/page';
import { canonicalSearchQuery } from '@/lib/search/query';
import type { SearchHit, SearchRequest, SearchResults } from '@/lib/search/types';
import { renderIn } from './render';

/*
 * The search page's view in both languages, from hand-built results (the view's input, as the
 * index would give it): marks, escaping, counts, paging, filters, no results, refusals.
 */

const channels: Record<Locale, Channel[]> = {
  en: [
    { slug: 'news', name: 'News', description: '', position: 1 },
    { slug: 'business', name: 'Business', description: '', position: 2 },
  ],
  zh: [
    { slug: 'news', name: '新闻', description: '', position: 1 },
    { slug: 'business', name: '财经', description: '', position: 2 },
  ],
};

function request(locale: Locale, overrides: Partial<SearchRequest> = {}): SearchRequest {
  return { locale, q: 'river bridge', channel: null, time: 'any', order: 'relevance', page: 1, ...overrides };
}

function hit(locale: Locale, n: number, overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    article: {
      id: n,
      locale,
      channel: 'news',
      slug: `story-${n}`,
      headline: `Story ${n}`,
      series: null,
      summary: '',
      image: null,
      publishedAt: '2026-11-27T16:30:00.000Z',
      updatedAt: null,
    },
    channelName: channels[locale][0]!.name,
    authors: locale === 'en' ? ['Li Wen', 'Tom Hart'] : ['李文'],
    headline: [
      { text: 'New ', match: false },
      { text: 'river', match: true },
      { text: ` crossing ${n}`, match: false },
    ],
    snippet: [
      { text: 'The ', match: false },
      { text: 'bridge', match: true },
      { text: ' opens <script>alert(1)</script> & more', match: false },
    ],
    ...overrides,
  };
}

function page(locale: Locale, outcome: SearchOutcome, form: Partial<SearchPage['form']> = {}): SearchPage {
  const req = outcome.kind === 'results' ? outcome.results.request : request(locale);
  return {
    locale,
    form: { q: req.q, channel: req.channel ?? '', time: req.time, order: req.order, ...form },
    outcome,
    channels: channels[locale],
    language: { locale: locale === 'en' ? 'zh' : 'en', href: '/x', kind: 'page' },
    pageHref: (n) => paths.search(locale, canonicalSearchQuery({ ...req, page: n })),
  };
}

function results(locale: Locale, overrides: Partial<SearchResults> & { request?: SearchRequest }): SearchResults {
  return { request: request(locale), hits: [], total: 0, totalPages: 0, otherLocaleTotal: null, matchedAllWords: true, ...overrides };
}

describe.each(['en', 'zh'] as const)('SearchView in %s', (locale) => {
  const withHits = (req: SearchRequest = request(locale, { page: 2 })) =>
    page(locale, {
      kind: 'results',
      results: results(locale, { request: req, hits: [hit(locale, 1), hit(locale, 2)], total: 23, totalPages: 3 }),
      otherLocaleHref: null,
    });

  it('lists results under a heading that gives the count and the words, headlines linked, matches marked', () => {
    const { container } = renderIn(locale, <SearchView data={withHits()} />);
    const heading = screen.getByRole('heading', { level: 2 });
    expect(heading).toHaveTextContent(locale === 'en' ? '23 results for “river bridge”' : '“river bridge”的搜索结果：23条');
    expect(heading).toHaveTextContent(locale === 'en' ? 'Page 2 of 3' : '第2页，共3页');
    const list = screen.getByRole('list', { name: locale === 'en' ? 'Search results' : '搜索结果' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    const link = within(items[0]!).getByRole('link', { name: 'New river crossing 1' });
    expect(link).toHaveAttribute('href', `/${locale}/news/story-1`);
    expect(within(items[0]!).getByRole('heading', { level: 3 })).toContainElement(link);
    const marks = [...items[0]!.querySelectorAll('mark')].map((mark) => mark.textContent);
    expect(marks).toEqual(['river', 'bridge']);
    // The date in the page's language, in Shanghai time (16:30 UTC is the next morning there).
    expect(within(items[0]!).getByText(locale === 'en' ? 'Nov 28, 2026' : '2026年11月28日')).toHaveAttribute('datetime', '2026-11-27T16:30:00.000Z');
    expect(items[0]).toHaveTextContent(locale === 'en' ? 'By Li Wen and Tom Hart' : '作者：李文');
    expect(within(items[0]!).getByRole('link', { name: channels[locale][0]!.name })).toHaveAttribute('href', `/${locale}/news`);
    expect(container.querySelector('script')).toBeNull();
  });

  it('says so when the hits have only some of the words', () => {
    const notice = locale === 'en' ? /No story has all of these words/ : /没有文章同时包含所有这些词语/;
    renderIn(locale, <SearchView data={withHits()} />);
    expect(screen.queryByText(notice)).toBeNull();
    cleanup();
    const some = page(locale, {
      kind: 'results',
      results: results(locale, { request: request(locale), hits: [hit(locale, 1)], total: 1, totalPages: 1, matchedAllWords: false }),
      otherLocaleHref: null,
    });
    renderIn(locale, <SearchView data={some} />);
    expect(screen.getByText(notice).tagName).toBe('P');
  });

  it('shows a snippet’s markup as text, never as HTML', () => {
    const { container } = renderIn(locale, <SearchView data={withHits()} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelectorAll('mark')).toHaveLength(4);
    expect(screen.getAllByText((_, element) => element?.tagName === 'P' && element.textContent?.includes('<script>alert(1)</script> & more') === true)).toHaveLength(2);
  });

  it('links to the other pages of the same search, keeping the words and filters', () => {
    renderIn(locale, <SearchView data={withHits(request(locale, { page: 2, channel: 'news', order: 'newest' }))} />);
    const nav = screen.getByRole('navigation');
    const hrefs = within(nav).getAllByRole('link').map((a) => a.getAttribute('href'));
    expect(hrefs).toContain(`/${locale}/search?q=river+bridge&channel=news&order=newest`);
    expect(hrefs).toContain(`/${locale}/search?q=river+bridge&channel=news&order=newest&page=3`);
    expect(within(nav).getByText(locale === 'en' ? 'Page 2, current page' : /第\s*2\s*页/)).toBeInTheDocument();
  });

  it('keeps the words and filters in the form, a plain GET form to the search page', () => {
    renderIn(locale, <SearchView data={withHits(request(locale, { channel: 'business', time: 'month', order: 'newest' }))} />);
    const form = screen.getByRole('search');
    expect(form).toHaveAttribute('action', `/${locale}/search`);
    expect(form).toHaveAttribute('method', 'get');
    expect(within(form).getByRole('searchbox', { name: locale === 'en' ? 'Search the news' : '搜索新闻' })).toHaveValue('river bridge');
    expect(within(form).getByRole('combobox', { name: locale === 'en' ? 'Channel' : '频道' })).toHaveValue('business');
    expect(within(form).getByRole('combobox', { name: locale === 'en' ? 'Time' : '时间' })).toHaveValue('month');
    expect(within(form).getByRole('combobox', { name: locale === 'en' ? 'Order' : '排序' })).toHaveValue('newest');
    expect(within(form).getByRole('option', { name: locale === 'en' ? 'Past month' : '过去一个月' })).toBeInTheDocument();
    expect(form.querySelector('[name="page"]')).toBeNull();
  });

  it('says when nothing matched, suggests what to try, and links to the results in the other language', () => {
    const other = locale === 'en' ? 'zh' : 'en';
    const data = page(locale, {
      kind: 'results',
      results: results(locale, { request: request(locale, { q: 'hotpot', channel: 'news', time: 'week' }), otherLocaleTotal: 4 }),
      otherLocaleHref: `/${other}/search?q=hotpot&time=week`,
    });
    renderIn(locale, <SearchView data={data} />);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(locale === 'en' ? 'No articles match “hotpot”' : '没有与“hotpot”相符的文章');
    expect(screen.getByText(locale === 'en' ? 'checking the spelling' : '检查是否有错别字')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: locale === 'en' ? 'Search all channels at any time' : '在全部频道中不限时间搜索' })).toHaveAttribute(
      'href',
      `/${locale}/search?q=hotpot`,
    );
    const otherLink = screen.getByRole('link', { name: locale === 'en' ? /^4 results in\s*中文$/ : /^English\s*版有4条结果$/ });
    expect(otherLink).toHaveAttribute('href', `/${other}/search?q=hotpot&time=week`);
    expect(otherLink.querySelector('span')).toHaveAttribute('lang', other === 'zh' ? 'zh-Hans' : 'en');
    expect(screen.queryByRole('list', { name: locale === 'en' ? 'Search results' : '搜索结果' })).toBeNull();
  });

  it('offers no other-language link when the other language has nothing either', () => {
    renderIn(locale, <SearchView data={page(locale, { kind: 'results', results: results(locale, { otherLocaleTotal: null }), otherLocaleHref: null })} />);
    expect(screen.queryByRole('link', { name: /中文|English/ })).toBeNull();
  });

  it('shows the form alone for an empty query', () => {
    renderIn(locale, <SearchView data={page(locale, { kind: 'empty' }, { q: '' })} />);
    expect(screen.getByRole('search')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2 })).toBeNull();
    expect(screen.getByText(locale === 'en' ? 'Type a word or a name to search the news.' : '请输入关键词或人名搜索新闻。')).toBeInTheDocument();
  });

  it('explains a refused search in the page’s language', () => {
    renderIn(locale, <SearchView data={page(locale, { kind: 'refused', problem: 'query_too_long' })} />);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent(locale === 'en' ? 'This search cannot be run' : '无法进行此搜索');
    expect(screen.getByText(locale === 'en' ? /longer than 200 characters/ : /超过200个字符/)).toBeInTheDocument();
  });
});

describe.each(['en', 'zh'] as const)('SearchView refusing a filter in %s', (locale) => {
  it('opens the filters it points the reader to', () => {
    const { container } = renderIn(locale, <SearchView data={page(locale, { kind: 'refused', problem: 'bad_time' })} />);
    expect(screen.getByText(locale === 'en' ? /Choose one from the filters above/ : /请在上方的筛选选项中重新选择/)).toBeInTheDocument();
    expect(container.querySelector('details')).toHaveAttribute('open');
  });
});

describe.each(['en', 'zh'] as const)('HeaderSearch in %s', (locale) => {
  it('is a labelled GET search form to the search page, and a link to it for narrow screens', () => {
    renderIn(locale, <HeaderSearch locale={locale} />);
    const form = screen.getByRole('search');
    expect(form).toHaveAttribute('action', `/${locale}/search`);
    expect(form).toHaveAttribute('method', 'get');
    expect(within(form).getByRole('searchbox', { name: locale === 'en' ? 'Search the news' : '搜索新闻' })).toHaveAttribute('name', 'q');
    expect(within(form).getByRole('button', { name: locale === 'en' ? 'Search' : '搜索' })).toHaveAttribute('type', 'submit');
    expect(screen.getByRole('link', { name: locale === 'en' ? 'Search' : '搜索' })).toHaveAttribute('href', `/${locale}/search`);
  });
});
