import { isLocale } from '@/lib/i18n/locales';
import { parsePageNumber } from '@/lib/routing/rules';
import { notFoundResponse, sharedCacheControl, XML_CONTENT_TYPE, xmlResponse } from '@/lib/seo/http';
import { streamArticleSitemap } from '@/lib/seo/sitemaps';
import { otherMethods } from '@/lib/http/methods';

/*
 * Article sitemap files (`articles-{n}.xml`) stream from the database on every request, in
 * bounded memory; Next.js would buffer a cached body whole. A CDN keeps them for an hour
 * (docs/decisions/0003).
 */
export const dynamic = 'force-dynamic';

const FILE_NAME = /^articles-([0-9]+)\.xml$/;

export async function GET(_request: Request, { params }: RouteContext<'/sitemaps/[locale]/[file]'>) {
  const { locale, file } = await params;
  const number = parsePageNumber(FILE_NAME.exec(file)?.[1]);
  if (!isLocale(locale) || number === null) return notFoundResponse();
  const body = await streamArticleSitemap(locale, number);
  if (!body) return notFoundResponse();
  return xmlResponse(body, {
    contentType: XML_CONTENT_TYPE,
    cacheControl: sharedCacheControl({ sMaxAge: 3600 }),
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
