import type { Locale } from '../i18n/locales';

export type ArticleStatus = 'draft' | 'published' | 'withdrawn';

export interface Channel {
  slug: string;
  name: string;
  description: string;
  position: number;
}

export interface Author {
  slug: string;
  name: string;
  bio: string;
}

export interface Tag {
  slug: string;
  name: string;
}

export interface LeadImage {
  src: string;
  alt: string;
  caption: string;
  credit: string;
  width: number;
  height: number;
}

/** What a list, card or link needs: no body. */
export interface ArticleSummary {
  id: number;
  locale: Locale;
  channel: string;
  slug: string;
  headline: string;
  series: string | null;
  summary: string;
  image: LeadImage | null;
  publishedAt: string;
  updatedAt: string | null;
}

export interface Article extends ArticleSummary {
  externalId: string;
  bodyHtml: string;
  status: ArticleStatus;
  authors: Author[];
  tags: Tag[];
  translationGroup: string;
}

/** Where the same story lives in the other language. */
export interface ArticleRef {
  locale: Locale;
  channel: string;
  slug: string;
}

export interface Paged<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
  totalPages: number;
}

/** An article as a sitemap lists it: where it lives, when it last changed, its other version. */
export interface SitemapArticle {
  id: number;
  locale: Locale;
  channel: string;
  slug: string;
  /** updated_at, or published_at when never updated: ISO 8601 with the offset as stored. */
  lastModified: string;
  /** The published version in the other language, if there is one. */
  translation: ArticleRef | null;
}

/** An article as an RSS item: the summary plus what a feed reader shows around it. */
export interface FeedItem extends ArticleSummary {
  /** The newsroom's id: stable when the slug changes, so it serves as the item's guid. */
  externalId: string;
  channelName: string;
  authors: string[];
}
