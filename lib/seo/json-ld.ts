import type { Article, Channel } from '../content/types';
import { toShanghaiIso } from '../time';
import { optimizerUrl } from '../images';
import type { Locale } from '../i18n/locales';
import { htmlLang } from '../i18n/locales';
import { paths } from '../i18n/paths';
import { site, siteName } from '../site';
import { absoluteUrl } from './absolute-url';
import { searchUrlTemplate } from './opensearch';

/*
 * schema.org structured data (JSON-LD). Builders return plain objects; `serializeJsonLd`
 * makes the one string that goes into <script type="application/ld+json">.
 */

type JsonLd = Record<string, unknown>;

/**
 * JSON that cannot end the <script> element it sits in: `<`, `>` and `&` become \u escapes
 * (so "</script>" and "<!--" never appear), as do the line separators JavaScript rejects.
 */
export function serializeJsonLd(data: JsonLd | JsonLd[]): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const organizationId = () => `${site.url}/#organization`;

export function organizationJsonLd(locale: Locale): JsonLd {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': organizationId(),
    name: siteName(locale),
    url: absoluteUrl(paths.home(locale)),
    logo: {
      '@type': 'ImageObject',
      url: absoluteUrl(site.logo.src),
      width: site.logo.width,
      height: site.logo.height,
    },
    email: site.email,
    telephone: site.hotline,
    publishingPrinciples: absoluteUrl(paths.about(locale)),
  };
}

/** The home page: the site and the organization behind it. */
export function homeJsonLd(locale: Locale, description: string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'WebSite',
        '@id': `${site.url}/#website-${locale}`,
        name: siteName(locale),
        url: absoluteUrl(paths.home(locale)),
        description,
        inLanguage: htmlLang[locale],
        publisher: { '@id': organizationId() },
        // The site's own search, for a search box under the result in search engines.
        potentialAction: {
          '@type': 'SearchAction',
          target: { '@type': 'EntryPoint', urlTemplate: searchUrlTemplate(locale, '{search_term_string}') },
          'query-input': 'required name=search_term_string',
        },
      },
      organizationJsonLd(locale),
    ],
  };
}

export interface Crumb {
  name: string;
  path: string;
}

export function breadcrumbJsonLd(crumbs: Crumb[]): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.path),
    })),
  };
}

/** Image variants for rich results: the original and, when it is larger, a 1200-wide copy. */
function imageVariants(image: NonNullable<Article['image']>): JsonLd[] {
  const original = {
    '@type': 'ImageObject',
    url: absoluteUrl(image.src),
    width: image.width,
    height: image.height,
    ...(image.caption ? { caption: image.caption } : {}),
  };
  if (image.width <= 1200 || !image.src.startsWith('/')) return [original];
  return [
    original,
    {
      '@type': 'ImageObject',
      url: absoluteUrl(optimizerUrl(image.src, 1200)),
      width: 1200,
      height: Math.round((image.height * 1200) / image.width),
    },
  ];
}

export function newsArticleJsonLd(article: Article, channel: Channel): JsonLd {
  const url = absoluteUrl(paths.article(article.locale, article.channel, article.slug));
  const published = toShanghaiIso(article.publishedAt);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    headline: article.headline,
    description: article.summary,
    ...(article.image ? { image: imageVariants(article.image) } : {}),
    datePublished: published,
    dateModified: article.updatedAt ? toShanghaiIso(article.updatedAt) : published,
    author: article.authors.map((author) => ({
      '@type': 'Person',
      name: author.name,
      url: absoluteUrl(paths.author(article.locale, author.slug)),
    })),
    publisher: organizationJsonLd(article.locale),
    inLanguage: htmlLang[article.locale],
    articleSection: channel.name,
    ...(article.tags.length ? { keywords: article.tags.map((tag) => tag.name) } : {}),
    isAccessibleForFree: true,
  };
}
