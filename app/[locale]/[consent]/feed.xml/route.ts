import { QUIET_VARIANT } from '@/lib/consent/cookie';
import { isLocale, locales } from '@/lib/i18n/locales';
import { buildLocaleFeed } from '@/lib/seo/feeds';
import { notFoundResponse, RSS_CONTENT_TYPE, sharedCacheControl, xmlResponse } from '@/lib/seo/http';

// Built with the pages and kept in Next.js's cache; refreshed at most every five minutes.
export const dynamic = 'force-static';
export const revalidate = 300;
export const dynamicParams = false;

export function generateStaticParams() {
  // Feeds are the same for everyone: the proxy always serves the one variant.
  return locales.map((locale) => ({ locale, consent: QUIET_VARIANT }));
}

export async function GET(_request: Request, { params }: RouteContext<'/[locale]/[consent]/feed.xml'>) {
  const { locale } = await params;
  if (!isLocale(locale)) return notFoundResponse();
  return xmlResponse(await buildLocaleFeed(locale), {
    contentType: RSS_CONTENT_TYPE,
    cacheControl: sharedCacheControl({ sMaxAge: revalidate, maxAge: revalidate }),
  });
}
