import { QUIET_VARIANT } from '@/lib/consent/cookie';
import { getChannel, listChannels } from '@/lib/content/articles';
import { isLocale, locales } from '@/lib/i18n/locales';
import { buildChannelFeed } from '@/lib/seo/feeds';
import { notFoundResponse, RSS_CONTENT_TYPE, sharedCacheControl, xmlResponse } from '@/lib/seo/http';

// Like the locale feed: built ahead for every channel, refreshed at most every five minutes.
export const dynamic = 'force-static';
export const revalidate = 300;

export function generateStaticParams() {
  return locales.flatMap((locale) => listChannels(locale).map((channel) => ({ locale, consent: QUIET_VARIANT, section: channel.slug })));
}

export async function GET(_request: Request, { params }: RouteContext<'/[locale]/[consent]/[section]/feed.xml'>) {
  const { locale, section } = await params;
  const channel = isLocale(locale) ? getChannel(locale, section) : null;
  if (!isLocale(locale) || !channel) return notFoundResponse();
  return xmlResponse(await buildChannelFeed(locale, channel), {
    contentType: RSS_CONTENT_TYPE,
    cacheControl: sharedCacheControl({ sMaxAge: revalidate, maxAge: revalidate }),
  });
}
