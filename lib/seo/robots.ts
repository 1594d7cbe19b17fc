import type { MetadataRoute } from 'next';
import { paths } from '../i18n/paths';
import { absoluteUrl } from './absolute-url';

/** Crawl everything readers can see; not the JSON API or the (future) newsroom admin. */
export function robotsRules(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/api/', '/admin'] }],
    sitemap: [absoluteUrl(paths.sitemapIndex()), absoluteUrl(paths.newsSitemap())],
  };
}
