import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '../i18n/locales';
import { hreflang, locales, ogLocale, otherLocale, X_DEFAULT_LOCALE } from '../i18n/locales';
import { site, siteName } from '../site';
import { absoluteUrl } from './absolute-url';
import { documentTitle } from './title';

/** A picture as crawlers and link previews want it: absolute URL and real size. */
export interface ShareImage {
  src: string;
  width: number;
  height: number;
  alt: string;
}

export interface PageSeo {
  locale: Locale;
  /** This page's own path: the canonical URL is built from it and SITE_URL. */
  path: string;
  /** Shown as "title | site name"; `absolute` for the home page, which is the site name. */
  title: string | { absolute: string };
  description: string;
  /**
   * The same page in each language, where it exists. With both languages the page announces
   * en, zh and x-default; with one, only itself.
   */
  alternates?: Partial<Record<Locale, string>>;
  /** Where x-default points when not the English version (the home page: `/`, which negotiates). */
  xDefault?: string;
  image?: ShareImage | null;
  /** OpenGraph article facts, for articles. */
  article?: {
    publishedTime: string;
    modifiedTime: string;
    section: string;
    authorUrls: string[];
    tags: string[];
  };
  /** RSS feeds to advertise in <head>. */
  feeds?: { path: string; title: string }[];
  /** Pages that must not be indexed (the withdrawn notice, error pages). */
  noindex?: boolean;
}

/**
 * hreflang alternates: reciprocal and absolute. Every language version lists every version,
 * itself included, so the same call on the English and the Chinese page gives the same set.
 */
function languageAlternates(
  locale: Locale,
  path: string,
  alternates: Partial<Record<Locale, string>> | undefined,
  xDefault?: string,
): Record<string, string> {
  const versions = { ...alternates, [locale]: path };
  const complete = locales.every((l) => versions[l]);
  if (!complete) return { [hreflang[locale]]: absoluteUrl(path) };
  const languages: Record<string, string> = {};
  for (const l of locales) languages[hreflang[l]] = absoluteUrl(versions[l]!);
  languages['x-default'] = absoluteUrl(xDefault ?? versions[X_DEFAULT_LOCALE]!);
  return languages;
}

/** Everything a page tells crawlers and link previews in <head>. */
export function pageMetadata(seo: PageSeo): Metadata {
  const name = siteName(seo.locale);
  const plainTitle = typeof seo.title === 'string' ? seo.title : seo.title.absolute;
  const fullTitle = typeof seo.title === 'string' ? documentTitle(seo.title, name) : seo.title.absolute;
  const canonical = absoluteUrl(seo.path);
  const languages = languageAlternates(seo.locale, seo.path, seo.alternates, seo.xDefault);
  const translated = Object.keys(languages).length > 1;
  const image = seo.image ?? { ...site.shareImage, alt: name };
  const images = [{ url: absoluteUrl(image.src), width: image.width, height: image.height, alt: image.alt }];
  const openGraphCommon = {
    url: canonical,
    siteName: name,
    title: plainTitle,
    description: seo.description,
    locale: ogLocale[seo.locale],
    ...(translated ? { alternateLocale: [ogLocale[otherLocale(seo.locale)]] } : {}),
    images,
  };
  return {
    title: { absolute: fullTitle },
    description: seo.description,
    alternates: {
      canonical,
      languages,
      ...(seo.feeds?.length
        ? {
            types: {
              'application/rss+xml': seo.feeds.map((feed) => ({ url: absoluteUrl(feed.path), title: feed.title })),
            },
          }
        : {}),
    },
    robots: seo.noindex
      ? { index: false, follow: true }
      : { index: true, follow: true, 'max-image-preview': 'large', 'max-snippet': -1, 'max-video-preview': -1 },
    openGraph: seo.article
      ? {
          ...openGraphCommon,
          type: 'article',
          publishedTime: seo.article.publishedTime,
          modifiedTime: seo.article.modifiedTime,
          section: seo.article.section,
          authors: seo.article.authorUrls,
          tags: seo.article.tags,
        }
      : { ...openGraphCommon, type: 'website' },
    twitter: {
      card: 'summary_large_image',
      title: plainTitle,
      description: seo.description,
      images: images.map((i) => ({ url: i.url, alt: i.alt })),
    },
  };
}

/** What a page's head says when the page turns out not to exist (it then renders the 404). */
export async function notFoundMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  return { title: { absolute: documentTitle(t('title'), siteName(locale)) }, robots: { index: false, follow: true } };
}
