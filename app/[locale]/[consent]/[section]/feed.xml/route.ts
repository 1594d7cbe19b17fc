import { getChannel } from '@/lib/content/articles';
import { isLocale } from '@/lib/i18n/locales';
import { cachedDocument, syndicationTags } from '@/lib/seo/cached';
import { buildChannelFeed } from '@/lib/seo/feeds';
import { notFoundResponse, RSS_CONTENT_TYPE, sharedCacheControl, xmlResponse } from '@/lib/seo/http';
import { otherMethods } from '@/lib/http/methods';

// Like the locale feed: kept in the data cache under the channel's tag, refreshed when one of
// its articles changes, at most five minutes old otherwise.
export const dynamic = 'force-dynamic';
const revalidate = 300;

export async function GET(_request: Request, { params }: RouteContext<'/[locale]/[consent]/[section]/feed.xml'>) {
  const { locale, section } = await params;
  if (!isLocale(locale)) return notFoundResponse();
  // The proxy lets through only existing channels; the lookup is cached with the feed.
  const xml = await cachedDocument([locale, section], [syndicationTags.channelFeed(locale, section)], revalidate, async () => {
    const channel = await getChannel(locale, section);
    return channel ? buildChannelFeed(locale, channel) : '';
  });
  if (!xml) return notFoundResponse();
  return xmlResponse(xml, {
    contentType: RSS_CONTENT_TYPE,
    cacheControl: sharedCacheControl({ sMaxAge: revalidate, maxAge: revalidate }),
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
