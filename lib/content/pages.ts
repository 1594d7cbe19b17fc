import { cache } from 'react';
import type { Locale } from '../i18n/locales';
import { otherLocale } from '../i18n/locales';
import { type LanguageTarget, paths } from '../i18n/paths';
import { articleCrumbs, channelCrumbs } from '../seo/crumbs';
import type { Crumb } from '../seo/json-ld';
import {
  findArticle,
  findTranslation,
  getChannel,
  getChannelListing,
  getHomePageContent,
  type HomePageContent,
  listLatestArticles,
  listRelatedArticles,
} from './articles';
import { getAuthorListing } from './authors';
import { withResponsiveImages } from './body';
import { listMostRead } from './most-read';
import type { Article, ArticleRef, ArticleSummary, Author, Channel, Paged } from './types';

/*
 * One loader per page type: everything a page and its metadata render, in one typed object.
 * A route file reads its params, calls one of these, calls notFound() on null and renders one
 * view; generateMetadata calls the same loader, which React's cache() answers from memory
 * within a request (the arguments are strings and numbers, so the cache can match them).
 */

export interface HomePage {
  locale: Locale;
  content: HomePageContent;
  mostRead: ArticleSummary[];
  language: LanguageTarget;
}

export const getHomePage = cache(async (locale: Locale): Promise<HomePage> => {
  const other = otherLocale(locale);
  const [content, mostRead] = await Promise.all([getHomePageContent(locale), listMostRead(locale)]);
  return { locale, content, mostRead, language: { locale: other, href: paths.home(other), kind: 'home' } };
});

export interface ChannelPage {
  locale: Locale;
  channel: Channel;
  page: Paged<ArticleSummary>;
  mostRead: ArticleSummary[];
  crumbs: Crumb[];
  language: LanguageTarget;
  /** The same page number exists in the other language (it may have fewer articles). */
  otherLocaleHasPage: boolean;
}

const loadChannelPage = cache(async (locale: Locale, channel: string, page: number): Promise<ChannelPage | null> => {
  const listing = await getChannelListing(locale, channel, page);
  if (!listing) return null;
  const other = otherLocale(locale);
  return {
    locale,
    channel: listing.channel,
    page: listing.page,
    mostRead: await listMostRead(locale, { channel: listing.channel.slug }),
    crumbs: await channelCrumbs(locale, listing.channel, page),
    language: { locale: other, href: paths.channel(other, listing.channel.slug), kind: 'channel' },
    otherLocaleHasPage: page === 1 || (await getChannelListing(other, channel, page)) !== null,
  };
});

/** A channel and one page of its articles; null when either does not exist. */
export function getChannelPage(query: { locale: Locale; channel: string; page: number }): Promise<ChannelPage | null> {
  return loadChannelPage(query.locale, query.channel, query.page);
}

export interface ArticlePage {
  locale: Locale;
  article: Article;
  /** The body ready to insert (responsive pictures added). */
  bodyHtml: string;
  channel: Channel;
  translation: ArticleRef | null;
  related: ArticleSummary[];
  crumbs: Crumb[];
  language: LanguageTarget;
}

export type ArticlePageLookup = { kind: 'found'; page: ArticlePage } | { kind: 'moved'; to: ArticleRef } | { kind: 'missing' };

const loadArticlePage = cache(async (locale: Locale, channel: string, slug: string): Promise<ArticlePageLookup> => {
  const lookup = await findArticle(locale, channel, slug);
  if (lookup.kind === 'moved') return lookup;
  if (lookup.kind !== 'found') return { kind: 'missing' };
  const { article } = lookup;
  const found = await getChannel(locale, article.channel);
  if (!found) return { kind: 'missing' };
  const translation = await findTranslation(article);
  const other = otherLocale(locale);
  return {
    kind: 'found',
    page: {
      locale,
      article,
      bodyHtml: withResponsiveImages(article.bodyHtml),
      channel: found,
      translation,
      related: await listRelatedArticles(article),
      crumbs: await articleCrumbs(article, found),
      language: translation
        ? { locale: other, href: paths.article(other, translation.channel, translation.slug), kind: 'translation' }
        : { locale: other, href: paths.channel(other, article.channel), kind: 'channel' },
    },
  };
});

/**
 * The article at an address, with everything its page shows; `moved` when the story lives at
 * another address (the proxy redirects those first; this covers a change in between).
 */
export function getArticlePage(query: { locale: Locale; channel: string; slug: string }): Promise<ArticlePageLookup> {
  return loadArticlePage(query.locale, query.channel, query.slug);
}

export interface AuthorPage {
  locale: Locale;
  author: Author;
  page: Paged<ArticleSummary>;
  language: LanguageTarget;
  /** The same page number exists in the other language. */
  otherLocaleHasPage: boolean;
}

const loadAuthorPage = cache(async (locale: Locale, author: string, page: number): Promise<AuthorPage | null> => {
  const listing = await getAuthorListing(locale, author, page);
  if (!listing) return null;
  const other = otherLocale(locale);
  const otherHasAuthor = (await getAuthorListing(other, author, 1)) !== null;
  return {
    locale,
    author: listing.author,
    page: listing.page,
    language: otherHasAuthor
      ? { locale: other, href: paths.author(other, author), kind: 'page' }
      : { locale: other, href: paths.home(other), kind: 'home' },
    otherLocaleHasPage: page === 1 ? otherHasAuthor : (await getAuthorListing(other, author, page)) !== null,
  };
});

/** An author and one page of their articles in a locale; null when there is none. */
export function getAuthorPage(query: { locale: Locale; author: string; page: number }): Promise<AuthorPage | null> {
  return loadAuthorPage(query.locale, query.author, query.page);
}

export interface FallbackPage {
  locale: Locale;
  latest: ArticleSummary[];
  language: LanguageTarget;
}

/** The 404 and 410 pages: the latest stories, so a reader has somewhere to go. */
export async function getFallbackPage(locale: Locale): Promise<FallbackPage> {
  const other = otherLocale(locale);
  return { locale, latest: await listLatestArticles(locale, 5), language: { locale: other, href: paths.home(other), kind: 'home' } };
}

/** Fixed pages (about, contact, privacy, terms, cookies) link to the same page in the other language. */
export function fixedPageLanguage(locale: Locale, href: (locale: Locale) => string): LanguageTarget {
  const other = otherLocale(locale);
  return { locale: other, href: href(other), kind: 'page' };
}
