import { isLocale } from '@/lib/i18n/locales';
import { cachedDocument, syndicationTags } from '@/lib/seo/cached';
import { buildLocaleFeed } from '@/lib/seo/feeds';
import { notFoundResponse, RSS_CONTENT_TYPE, sharedCacheControl, xmlResponse } from '@/lib/seo/http';
import { otherMethods } from '@/lib/http/methods';

// Built once and kept in the data cache under its tag (lib/seo/cached.ts): refreshed when an
// article changes, and at most five minutes old otherwise.
export const dynamic = 'force-dynamic';
const revalidate = 300;

export async function GET(_request: Request, { params }: RouteContext<'/[locale]/[consent]/feed.xml'>) {
  const { locale } = await params;
  if (!isLocale(locale)) return notFoundResponse();
  const xml = await cachedDocument([locale], [syndicationTags.localeFeed(locale)], revalidate, () => buildLocaleFeed(locale));
  return xmlResponse(xml, {
    contentType: RSS_CONTENT_TYPE,
    cacheControl: sharedCacheControl({ sMaxAge: revalidate, maxAge: revalidate }),
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
