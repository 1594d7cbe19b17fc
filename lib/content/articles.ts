import { unstable_cache } from 'next/cache';
import { cache } from 'react';
import { getDatabase } from '../db/database';
import {
  countChannelArticles,
  selectArticleBySlug,
  selectChannel,
  selectChannelArticles,
  selectChannels,
  selectLatestArticles,
  selectRecentRefs,
  selectSlugRedirect,
  selectTranslation,
} from '../db/content-read';
import type { Locale } from '../i18n/locales';
import { site } from '../site';
import { otherLocale } from '../i18n/locales';
import { isPageNumber, isSlug } from '../routing/rules';
import type { Article, ArticleRef, ArticleSummary, Channel, Paged } from './types';
import { articleVisibility } from './visibility';

export const CHANNEL_PAGE_SIZE = 6;
/** The data cache's tag of the channel list (an import may change it: lib/ingest/changes.ts). */
export const CHANNELS_TAG = 'channels';

/*
 * The channel list is in every page's header and changes only with an import: kept in Next.js's
 * data cache, so a page (the contact form posted without JavaScript, say) still renders while
 * the database is unreachable.
 */
// The data cache outlives a restart and a rebuild: the key holds the site it was read for.
const cachedChannels = unstable_cache(
  async (locale: Locale): Promise<Channel[]> => selectChannels(await getDatabase(), locale),
  ['channels', site.url],
  { tags: [CHANNELS_TAG], revalidate: 3600 },
);
export const listChannels = cache((locale: Locale): Promise<Channel[]> => cachedChannels(locale));

export async function getChannel(locale: Locale, slug: string): Promise<Channel | null> {
  if (!isSlug(slug)) return null;
  return selectChannel(await getDatabase(), locale, slug);
}

/**
 * One page of a channel, newest first. `null` when the page does not exist: past the end,
 * or not a positive whole number. Page 1 of an empty channel exists (and is empty).
 */
export async function listChannelArticles(params: {
  locale: Locale;
  channel: string;
  page: number;
  pageSize?: number;
  now?: number;
}): Promise<Paged<ArticleSummary> | null> {
  const { locale, channel, page } = params;
  const pageSize = params.pageSize ?? CHANNEL_PAGE_SIZE;
  if (!isPageNumber(page)) return null;
  const now = params.now ?? Date.now();
  const db = await getDatabase();
  const total = await countChannelArticles(db, locale, channel, now);
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  if (page > totalPages) return null;
  const items = await selectChannelArticles(db, {
    locale,
    channel,
    now,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { items, page, pageSize, total, totalPages };
}

export async function listLatestArticles(locale: Locale, limit: number, now = Date.now()): Promise<ArticleSummary[]> {
  return selectLatestArticles(await getDatabase(), { locale, now, limit });
}

export interface HomePageContent {
  lead: ArticleSummary | null;
  latest: ArticleSummary[];
  channels: { channel: Channel; articles: ArticleSummary[] }[];
}

/** Everything the home page shows: one query per channel (bounded by the channel count). */
export async function getHomePageContent(locale: Locale, now = Date.now()): Promise<HomePageContent> {
  const db = await getDatabase();
  const [lead = null, ...latest] = await selectLatestArticles(db, { locale, now, limit: 9 });
  const channels = await Promise.all(
    (await selectChannels(db, locale)).map(async (channel) => ({
      channel,
      articles: await selectChannelArticles(db, { locale, channel: channel.slug, now, limit: 4, offset: 0 }),
    })),
  );
  return { lead, latest, channels: channels.filter((entry) => entry.articles.length > 0) };
}

export type ArticleLookup =
  | { kind: 'found'; article: Article }
  /** The story lives at another URL (an old slug, or the wrong channel in the path). */
  | { kind: 'moved'; to: ArticleRef }
  | { kind: 'withdrawn' }
  | { kind: 'missing' };

export async function lookupArticle(params: { locale: Locale; section: string; slug: string; now?: number }): Promise<ArticleLookup> {
  const { locale, section, slug } = params;
  if (!isSlug(section) || !isSlug(slug)) return { kind: 'missing' };
  const now = params.now ?? Date.now();
  const db = await getDatabase();
  const article = await selectArticleBySlug(db, locale, slug);
  if (!article) {
    // A renamed article keeps its old addresses, as permanent redirects.
    const to = await selectSlugRedirect(db, locale, slug, now);
    return to ? { kind: 'moved', to } : { kind: 'missing' };
  }
  const visibility = articleVisibility({ status: article.status, publishedMs: Date.parse(article.publishedAt) }, now);
  if (visibility !== 'visible') return { kind: visibility === 'withdrawn' ? 'withdrawn' : 'missing' };
  if (article.channel !== section) {
    return { kind: 'moved', to: { locale, channel: article.channel, slug: article.slug } };
  }
  return { kind: 'found', article };
}

/**
 * The article at a URL, and what to do when it is not there. Memoized per request: a page and
 * its metadata ask for the same article, and the database is asked once.
 */
export const findArticle = cache(
  (locale: Locale, section: string, slug: string): Promise<ArticleLookup> => lookupArticle({ locale, section, slug }),
);

/** The newest other articles of the same channel. */
export async function listRelatedArticles(article: Article, limit = 4, now = Date.now()): Promise<ArticleSummary[]> {
  const candidates = await selectChannelArticles(await getDatabase(), {
    locale: article.locale,
    channel: article.channel,
    now,
    limit: limit + 1,
    offset: 0,
  });
  return candidates.filter((candidate) => candidate.id !== article.id).slice(0, limit);
}

export const findTranslation = cache(
  async (article: Article, now = Date.now()): Promise<ArticleRef | null> =>
    selectTranslation(await getDatabase(), {
      group: article.translationGroup,
      locale: otherLocale(article.locale),
      now,
    }),
);

/** The most recent articles of a locale: what the build prerenders (the rest render on demand). */
export async function listArticlesToPrerender(locale: Locale, limit: number, now = Date.now()): Promise<ArticleRef[]> {
  return selectRecentRefs(await getDatabase(), locale, now, limit);
}

/** A channel and one page of its articles, or null when either does not exist. */
export const getChannelListing = cache(async function getChannelListing(
  locale: Locale,
  section: string,
  page: number,
): Promise<{ channel: Channel; page: Paged<ArticleSummary> } | null> {
  const channel = await getChannel(locale, section);
  if (!channel) return null;
  const articles = await listChannelArticles({ locale, channel: channel.slug, page });
  return articles ? { channel, page: articles } : null;
});
