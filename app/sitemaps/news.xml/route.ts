import { renderNewsSitemap } from '@/lib/seo/sitemaps';
import { sharedCacheControl, XML_CONTENT_TYPE, xmlResponse } from '@/lib/seo/http';

// News goes stale fast: rebuilt at most every five minutes (docs/decisions/0003).
export const dynamic = 'force-static';
export const revalidate = 300;

export function GET() {
  return xmlResponse(renderNewsSitemap(), {
    contentType: XML_CONTENT_TYPE,
    cacheControl: sharedCacheControl({ sMaxAge: revalidate }),
  });
}
