import { createTranslator } from 'next-intl';
import { htmlLang, type Locale } from '../i18n/locales';
import { loadMessages } from '../i18n/messages';
import { paths } from '../i18n/paths';
import { siteName } from '../site';
import { escapeXml } from '../seo/xml';

/*
 * The HTTP side of search answers, shared by proxy.ts (the page) and GET /api/search.
 */

/**
 * Results change when an article is published or edited; thirty seconds in a shared cache
 * absorbs a burst of the same search (a link shared widely) without showing stale results for
 * long. Browsers keep nothing: the back button still shows what the reader last saw (bfcache).
 */
export const SEARCH_CACHE_CONTROL = 'public, max-age=0, s-maxage=30, stale-while-revalidate=30';

/**
 * The search page's answer to a client over its rate limit: a small page of its own (rendering
 * the whole search page would cost what the limit protects), in the reader's language, never stored.
 */
export function searchRateLimitedPage(locale: Locale, retryAfterSeconds: number): Response {
  const t = createTranslator({ locale, messages: loadMessages(locale), namespace: 'Search' });
  const title = escapeXml(t('tooManyTitle'));
  const html = `<!DOCTYPE html>
<html lang="${htmlLang[locale]}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, follow"><title>${title} | ${escapeXml(siteName(locale))}</title></head>
<body><main><h1>${title}</h1><p>${escapeXml(t('tooManyBody', { seconds: retryAfterSeconds }))}</p><p><a href="${paths.home(locale)}">${escapeXml(t('backHome'))}</a></p></main></body></html>
`;
  return new Response(html, {
    status: 429,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': String(retryAfterSeconds) },
  });
}
