import { isLocale } from '@/lib/i18n/locales';
import { notFoundResponse, sharedCacheControl, XML_CONTENT_TYPE, xmlResponse } from '@/lib/seo/http';
import { streamArticleSitemap } from '@/lib/seo/sitemaps';

/*
 * Article sitemap files (`articles-{n}.xml`) stream from the database on every request, in
 * bounded memory; Next.js would buffer a cached body whole. A CDN keeps them for an hour
 * (docs/decisions/0003).
 */
export const dynamic = 'force-dynamic';

const FILE_NAME = /^articles-([1-9][0-9]{0,5})\.xml$/;

export async function GET(_request: Request, { params }: RouteContext<'/sitemaps/[locale]/[file]'>) {
  const { locale, file } = await params;
  const number = FILE_NAME.exec(file)?.[1];
  if (!isLocale(locale) || !number) return notFoundResponse();
  const body = streamArticleSitemap(locale, Number(number));
  if (!body) return notFoundResponse();
  return xmlResponse(body, {
    contentType: XML_CONTENT_TYPE,
    cacheControl: sharedCacheControl({ sMaxAge: 3600 }),
  });
}
