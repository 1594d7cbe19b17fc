export const locales = ['en', 'zh'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

/** BCP 47 tag for <html lang> and Intl: the URL says `zh`, the document says Simplified Chinese. */
export const htmlLang: Record<Locale, string> = { en: 'en', zh: 'zh-Hans' };

/**
 * What crawlers are told. hreflang (in <head> and in sitemaps) names the language only; the
 * English version doubles as x-default. RSS <language> and Google News want `zh-cn`.
 */
export const hreflang: Record<Locale, string> = { en: 'en', zh: 'zh' };
export const X_DEFAULT_LOCALE: Locale = 'en';
export const feedLanguage: Record<Locale, string> = { en: 'en', zh: 'zh-cn' };
/** OpenGraph og:locale. */
export const ogLocale: Record<Locale, string> = { en: 'en_US', zh: 'zh_CN' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'en' ? 'zh' : 'en';
}

/**
 * Picks the site locale for an Accept-Language header: the first supported language in the
 * visitor's order of preference (by q-value), English when nothing matches.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return defaultLocale;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const q = qParam ? Number.parseFloat(qParam.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (primary === 'zh') return 'zh';
    if (primary === 'en') return 'en';
  }
  return defaultLocale;
}
