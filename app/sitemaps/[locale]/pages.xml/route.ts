import { isLocale } from '@/lib/i18n/locales';
import { cachedDocument, syndicationTags } from '@/lib/seo/cached';
import { notFoundResponse, sharedCacheControl, XML_CONTENT_TYPE, xmlResponse } from '@/lib/seo/http';
import { renderPagesSitemap } from '@/lib/seo/sitemaps';
import { otherMethods } from '@/lib/http/methods';

// In the data cache under the sitemaps tag, like the index.
export const dynamic = 'force-dynamic';
const revalidate = 3600;

export async function GET(_request: Request, { params }: RouteContext<'/sitemaps/[locale]/pages.xml'>) {
  const { locale } = await params;
  if (!isLocale(locale)) return notFoundResponse();
  const xml = await cachedDocument(['pages', locale], [syndicationTags.sitemaps], revalidate, () => renderPagesSitemap(locale));
  return xmlResponse(xml, {
    contentType: XML_CONTENT_TYPE,
    cacheControl: sharedCacheControl({ sMaxAge: revalidate }),
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
