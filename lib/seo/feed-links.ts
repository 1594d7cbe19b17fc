import { getTranslations } from 'next-intl/server';
import type { Channel } from '../content/types';
import type { Locale } from '../i18n/locales';
import { paths } from '../i18n/paths';
import { siteName } from '../site';

/** The RSS feeds a page advertises in <head>: its channel's (if any), then the whole site's. */
export async function feedLinks(locale: Locale, channel?: Channel): Promise<{ path: string; title: string }[]> {
  const t = await getTranslations({ locale, namespace: 'Feed' });
  const site = siteName(locale);
  const links = [{ path: paths.feed(locale), title: t('title', { site }) }];
  if (channel) {
    links.unshift({ path: paths.channelFeed(locale, channel.slug), title: t('channelTitle', { site, channel: channel.name }) });
  }
  return links;
}
