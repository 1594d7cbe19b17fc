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
