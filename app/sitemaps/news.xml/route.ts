import { cachedDocument, syndicationTags } from '@/lib/seo/cached';
import { renderNewsSitemap } from '@/lib/seo/sitemaps';
import { sharedCacheControl, XML_CONTENT_TYPE, xmlResponse } from '@/lib/seo/http';
import { otherMethods } from '@/lib/http/methods';

// News goes stale fast: rebuilt on every content change, at most five minutes old otherwise.
export const dynamic = 'force-dynamic';
const revalidate = 300;

export async function GET() {
  const xml = await cachedDocument(['news'], [syndicationTags.sitemaps], revalidate, () => renderNewsSitemap());
  return xmlResponse(xml, {
    contentType: XML_CONTENT_TYPE,
    cacheControl: sharedCacheControl({ sMaxAge: revalidate }),
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
