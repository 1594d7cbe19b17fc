import { getTranslations } from 'next-intl/server';
import type { Article, Channel } from '../content/types';
import { headlineWithSeries } from '../content/headline';
import type { Locale } from '../i18n/locales';
import { paths } from '../i18n/paths';
import type { Crumb } from './json-ld';

/** Home › Channel (› page N) for BreadcrumbList. */
export async function channelCrumbs(locale: Locale, channel: Channel, page = 1): Promise<Crumb[]> {
  const t = await getTranslations({ locale, namespace: 'Seo' });
  const crumbs: Crumb[] = [
    { name: t('breadcrumbHome'), path: paths.home(locale) },
    { name: channel.name, path: paths.channel(locale, channel.slug) },
  ];
  if (page > 1) {
    const c = await getTranslations({ locale, namespace: 'Channel' });
    crumbs.push({ name: c('pageTitle', { channel: channel.name, page }), path: paths.channel(locale, channel.slug, page) });
  }
  return crumbs;
}

/** Home › Channel › Headline. */
export async function articleCrumbs(article: Article, channel: Channel): Promise<Crumb[]> {
  return [
    ...(await channelCrumbs(article.locale, channel)),
    { name: headlineWithSeries(article), path: paths.article(article.locale, article.channel, article.slug) },
  ];
}
