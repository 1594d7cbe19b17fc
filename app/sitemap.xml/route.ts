import { renderSitemapIndex } from '@/lib/seo/sitemaps';
import { sharedCacheControl, XML_CONTENT_TYPE, xmlResponse } from '@/lib/seo/http';

// Kept in Next.js's cache and rebuilt at most hourly (docs/decisions/0003).
export const dynamic = 'force-static';
export const revalidate = 3600;

export function GET() {
  return xmlResponse(renderSitemapIndex(), {
    contentType: XML_CONTENT_TYPE,
    cacheControl: sharedCacheControl({ sMaxAge: revalidate }),
  });
}
