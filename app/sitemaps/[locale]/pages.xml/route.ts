import { isLocale, locales } from '@/lib/i18n/locales';
import { notFoundResponse, sharedCacheControl, XML_CONTENT_TYPE, xmlResponse } from '@/lib/seo/http';
import { renderPagesSitemap } from '@/lib/seo/sitemaps';

export const dynamic = 'force-static';
export const revalidate = 3600;
export const dynamicParams = false;

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function GET(_request: Request, { params }: RouteContext<'/sitemaps/[locale]/pages.xml'>) {
  const { locale } = await params;
  if (!isLocale(locale)) return notFoundResponse();
  return xmlResponse(renderPagesSitemap(locale), {
    contentType: XML_CONTENT_TYPE,
    cacheControl: sharedCacheControl({ sMaxAge: revalidate }),
  });
}
