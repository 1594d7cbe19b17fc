import { getTranslations } from 'next-intl/server';
import { headlineWithSeries } from '../content/headline';
import { escapeHtml } from '../content/html';
import { listFeedItems } from '../content/syndication';
import { toShanghaiRfc822 } from '../time';
import type { Channel, FeedItem, LeadImage } from '../content/types';
import { feedLanguage, type Locale } from '../i18n/locales';
import { paths } from '../i18n/paths';
import { siteName } from '../site';
import { absoluteUrl } from './absolute-url';
import { emptyElement, parentElement, textElement, XML_DECLARATION } from './xml';

/** What an RSS 2.0 document says about itself; items follow. */
export interface RssChannel {
  title: string;
  description: string;
  /** Site paths: the page the feed mirrors, and the feed itself. */
  link: string;
  self: string;
  locale: Locale;
}

const RSS_OPEN =
  '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">\n';

const IMAGE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
};

function imageElement(image: LeadImage): string {
  const extension = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(image.src)?.[1]?.toLowerCase();
  return emptyElement('media:content', {
    url: absoluteUrl(image.src),
    medium: 'image',
    type: extension ? IMAGE_TYPES[extension] : undefined,
    width: image.width,
    height: image.height,
  });
}

function itemElement(item: FeedItem): string {
  return parentElement('item', [
    textElement('title', headlineWithSeries(item)),
    textElement('link', absoluteUrl(paths.article(item.locale, item.channel, item.slug))),
    // The newsroom id, not the URL: the item stays the same item when its slug changes.
    textElement('guid', item.externalId, { isPermaLink: 'false' }),
    textElement('pubDate', toShanghaiRfc822(item.publishedAt)),
    // Readers take <description> as HTML; the summary is plain text, so it is escaped as
    // HTML first (the XML layer escapes again): "<b>" stays visible text, not markup.
    textElement('description', escapeHtml(item.summary)),
    textElement('category', item.channelName),
    ...item.authors.map((name) => textElement('dc:creator', name)),
    ...(item.image ? [imageElement(item.image)] : []),
  ]);
}

/** When the feed last changed: its newest publication or update; `now` for an empty feed. */
function lastBuildTime(items: FeedItem[], now: number): number {
  const times = items.map((item) => Date.parse(item.updatedAt ?? item.publishedAt));
  return times.length > 0 ? Math.max(...times) : now;
}

/** An RSS 2.0 document. Pure: everything it shows is passed in. */
export function renderRssFeed(channel: RssChannel, items: FeedItem[], now = Date.now()): string {
  const head = [
    textElement('title', channel.title),
    textElement('link', absoluteUrl(channel.link)),
    textElement('description', channel.description),
    textElement('language', feedLanguage[channel.locale]),
    textElement('lastBuildDate', toShanghaiRfc822(lastBuildTime(items, now))),
    emptyElement('atom:link', { href: absoluteUrl(channel.self), rel: 'self', type: 'application/rss+xml' }),
  ];
  const body = [...head, ...items.map(itemElement)].join('\n');
  return `${XML_DECLARATION}${RSS_OPEN}<channel>\n${body}\n</channel>\n</rss>\n`;
}

/** The newest articles of a locale. */
export async function buildLocaleFeed(locale: Locale, now = Date.now()): Promise<string> {
  const t = await getTranslations({ locale });
  const channel: RssChannel = {
    title: t('Feed.title', { site: siteName(locale) }),
    description: t('Meta.siteDescription'),
    link: paths.home(locale),
    self: paths.feed(locale),
    locale,
  };
  return renderRssFeed(channel, await listFeedItems(locale, { now }), now);
}

/** The newest articles of one channel in a locale. */
export async function buildChannelFeed(locale: Locale, channel: Channel, now = Date.now()): Promise<string> {
  const t = await getTranslations({ locale, namespace: 'Feed' });
  const names = { site: siteName(locale), channel: channel.name };
  const rss: RssChannel = {
    title: t('channelTitle', names),
    description: channel.description || t('channelDescription', names),
    link: paths.channel(locale, channel.slug),
    self: paths.channelFeed(locale, channel.slug),
    locale,
  };
  return renderRssFeed(rss, await listFeedItems(locale, { channel: channel.slug, now }), now);
}
