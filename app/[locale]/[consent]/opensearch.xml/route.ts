import { otherMethods } from '@/lib/http/methods';
import { isLocale } from '@/lib/i18n/locales';
import { notFoundResponse, sharedCacheControl, xmlResponse } from '@/lib/seo/http';
import { OPENSEARCH_CONTENT_TYPE, renderOpenSearchDescription } from '@/lib/seo/opensearch';

// Changes only with a deployment (the site's name and address): a day in any cache.
const ONE_DAY = 86_400;

export async function GET(_request: Request, { params }: RouteContext<'/[locale]/[consent]/opensearch.xml'>) {
  const { locale } = await params;
  if (!isLocale(locale)) return notFoundResponse();
  return xmlResponse(await renderOpenSearchDescription(locale), {
    contentType: OPENSEARCH_CONTENT_TYPE,
    cacheControl: sharedCacheControl({ sMaxAge: ONE_DAY, maxAge: ONE_DAY }),
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
