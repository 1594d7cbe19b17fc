import type { MetadataRoute } from 'next';
import { locales } from '../i18n/locales';
import { paths } from '../i18n/paths';
import { absoluteUrl } from './absolute-url';

/**
 * Crawl everything readers can see; not the JSON API, the newsroom admin, or search results
 * (endless thin pages; they also say noindex, and /api/ covers /api/search).
 */
export function robotsRules(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/api/', '/admin', ...locales.map((locale) => paths.search(locale))] }],
    sitemap: [absoluteUrl(paths.sitemapIndex()), absoluteUrl(paths.newsSitemap())],
  };
}
