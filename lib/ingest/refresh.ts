import { revalidatePath, revalidateTag } from 'next/cache';
import { CONSENT_VARIANTS } from '../consent/cookie';
import { syndicationTags } from '../seo/cached';
import type { Locale } from '../i18n/locales';
import { internalPath, type PageRoute } from '../routing/resolve';

/**
 * After a change from the newsroom, the pages that show the article are regenerated on their
 * next request: the article itself, its channel's pages, the home page, its authors' pages,
 * the feeds and the sitemaps, in both page variants (with and without the cookie banner).
 * Nothing else is touched. Paths are the internal ones the proxy rewrites to (lib/routing).
 */
export function refreshAfterArticleChange(change: {
  locale: Locale;
  channels: string[];
  slugs: string[];
  authors: string[];
}): void {
  const { locale } = change;
  for (const variant of CONSENT_VARIANTS) {
    const at = (route: PageRoute) => revalidatePath(internalPath(locale, route, variant));
    at({ page: 'home' });
    // The 404 and 410 pages list the latest articles.
    at({ page: 'missing' });
    at({ page: 'withdrawn' });
    for (const channel of change.channels) {
      at({ page: 'channel', channel, number: 1 });
      for (const slug of change.slugs) at({ page: 'article', channel, slug });
    }
    for (const author of change.authors) at({ page: 'author', author, number: 1 });
  }
  // Later channel and author pages: every one may shift by an article.
  revalidatePath('/[locale]/[consent]/[section]/page/[page]', 'page');
  revalidatePath('/[locale]/[consent]/authors/[slug]/page/[page]', 'page');
  // Feeds and sitemaps live in the data cache under tags: expire them now.
  const expireNow = { expire: 0 };
  revalidateTag(syndicationTags.localeFeed(locale), expireNow);
  for (const channel of change.channels) revalidateTag(syndicationTags.channelFeed(locale, channel), expireNow);
  revalidateTag(syndicationTags.sitemaps, expireNow);
}

/**
 * Just these articles' pages, in both variants: the other versions of a story whose pairing
 * changed, so their hreflang alternates and language links follow (their lists did not change).
 */
export function refreshArticlePages(articles: readonly { locale: Locale; channel: string; slug: string }[]): void {
  for (const { locale, channel, slug } of articles) {
    for (const variant of CONSENT_VARIANTS) revalidatePath(internalPath(locale, { page: 'article', channel, slug }, variant));
  }
}
