import { isLocale, locales } from '@/lib/i18n/locales';
import { buildLocaleFeed } from '@/lib/seo/feeds';
import { notFoundResponse, RSS_CONTENT_TYPE, sharedCacheControl, xmlResponse } from '@/lib/seo/http';

// Built with the pages and kept in Next.js's cache; refreshed at most every five minutes.
export const dynamic = 'force-static';
export const revalidate = 300;
export const dynamicParams = false;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function GET(_request: Request, { params }: RouteContext<'/[locale]/feed.xml'>) {
  const { locale } = await params;
  if (!isLocale(locale)) return notFoundResponse();
  return xmlResponse(await buildLocaleFeed(locale), {
    contentType: RSS_CONTENT_TYPE,
    cacheControl: sharedCacheControl({ sMaxAge: revalidate, maxAge: revalidate }),
  });
}
