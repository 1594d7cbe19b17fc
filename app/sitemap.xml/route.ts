import { cachedDocument, syndicationTags } from '@/lib/seo/cached';
import { renderSitemapIndex } from '@/lib/seo/sitemaps';
import { sharedCacheControl, XML_CONTENT_TYPE, xmlResponse } from '@/lib/seo/http';
import { otherMethods } from '@/lib/http/methods';

// Kept in the data cache under the sitemaps tag: rebuilt when content changes, at most hourly
// otherwise (docs/decisions/0003).
export const dynamic = 'force-dynamic';
const revalidate = 3600;

export async function GET() {
  const xml = await cachedDocument(['index'], [syndicationTags.sitemaps], revalidate, () => renderSitemapIndex());
  return xmlResponse(xml, {
    contentType: XML_CONTENT_TYPE,
    cacheControl: sharedCacheControl({ sMaxAge: revalidate }),
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
