import type { Locale } from './locales';

/** Where the header's language link goes, and what kind of page that is (its label says so). */
export type LanguageTarget = {
  locale: Locale;
  href: string;
  /** translation: the same story; channel: the same channel; page: the same fixed page; home: the other home page */
  kind: 'translation' | 'channel' | 'page' | 'home';
};

/**
 * Every internal URL is built here, so a change of URL scheme is one edit.
 * Paths never end with a slash (Next.js redirects `/en/news/` to `/en/news`).
 */
export const paths = {
  home: (locale: Locale) => `/${locale}`,
  channel: (locale: Locale, channel: string, page = 1) =>
    page > 1 ? `/${locale}/${channel}?page=${page}` : `/${locale}/${channel}`,
  article: (locale: Locale, channel: string, slug: string) => `/${locale}/${channel}/${slug}`,
  about: (locale: Locale) => `/${locale}/about`,
  contact: (locale: Locale) => `/${locale}/contact`,
  privacy: (locale: Locale) => `/${locale}/privacy`,
  terms: (locale: Locale) => `/${locale}/terms`,
  cookieSettings: (locale: Locale) => `/${locale}/cookies`,
  author: (locale: Locale, author: string, page = 1) =>
    page > 1 ? `/${locale}/authors/${author}?page=${page}` : `/${locale}/authors/${author}`,
  /** The search page; `query` is a canonical query string (lib/search/query.ts), without `?`. */
  search: (locale: Locale, query = '') => (query ? `/${locale}/search?${query}` : `/${locale}/search`),
  /** The OpenSearch description that lets a browser search this site from its address bar. */
  openSearch: (locale: Locale) => `/${locale}/opensearch.xml`,
  /** RSS 2.0: the latest articles of a locale, and of one channel. */
  feed: (locale: Locale) => `/${locale}/feed.xml`,
  channelFeed: (locale: Locale, channel: string) => `/${locale}/${channel}/feed.xml`,
  /** The sitemap index names the per-locale sitemaps and the news sitemap. */
  sitemapIndex: () => '/sitemap.xml',
  newsSitemap: () => '/sitemaps/news.xml',
  pagesSitemap: (locale: Locale) => `/sitemaps/${locale}/pages.xml`,
  articleSitemap: (locale: Locale, file: number) => `/sitemaps/${locale}/articles-${file}.xml`,
  channelApi: (locale: Locale, channel: string, page: number) =>
    `/api/channels/${channel}/articles?locale=${locale}&page=${page}`,
};
