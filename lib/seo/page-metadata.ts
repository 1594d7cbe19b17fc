import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { headlineWithSeries } from '../content/headline';
import type { ArticlePage, AuthorPage, ChannelPage } from '../content/pages';
import type { SearchPage } from '../search/page';
import { toShanghaiIso } from '../time';
import type { Locale } from '../i18n/locales';
import { otherLocale } from '../i18n/locales';
import { paths } from '../i18n/paths';
import type { FixedPage } from '../routing/rules';
import { siteName } from '../site';
import { absoluteUrl } from './absolute-url';
import { feedLinks } from './feed-links';
import { pageMetadata } from './metadata';
import { documentTitle } from './title';

/*
 * The <head> of each page type, built from the same loaded object the page renders (see
 * lib/content/pages.ts), so a page and its metadata can never disagree.
 */

export async function homeMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'Meta' });
  return pageMetadata({
    locale,
    path: paths.home(locale),
    title: { absolute: siteName(locale) },
    description: t('siteDescription'),
    alternates: { en: paths.home('en'), zh: paths.home('zh') },
    // The bare domain picks the language from the browser's preferences.
    xDefault: '/',
    feeds: await feedLinks(locale),
  });
}

export async function channelMetadata(data: ChannelPage): Promise<Metadata> {
  const { locale, channel } = data;
  const number = data.page.page;
  const other = otherLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Channel' });
  return pageMetadata({
    locale,
    path: paths.channel(locale, channel.slug, number),
    title: number > 1 ? t('pageTitle', { channel: channel.name, page: number }) : channel.name,
    description: channel.description,
    // The other language has fewer articles: its page N may not exist.
    alternates: data.otherLocaleHasPage ? { [other]: paths.channel(other, channel.slug, number) } : undefined,
    feeds: await feedLinks(locale, channel),
  });
}

export async function articleMetadata(data: ArticlePage): Promise<Metadata> {
  const { locale, article, channel, translation } = data;
  const published = toShanghaiIso(article.publishedAt);
  return pageMetadata({
    locale,
    path: paths.article(locale, article.channel, article.slug),
    title: headlineWithSeries(article),
    description: article.summary,
    // A single-language article announces only itself.
    alternates: translation
      ? { [translation.locale]: paths.article(translation.locale, translation.channel, translation.slug) }
      : undefined,
    image: article.image
      ? { src: article.image.src, width: article.image.width, height: article.image.height, alt: article.image.alt }
      : null,
    article: {
      publishedTime: published,
      modifiedTime: article.updatedAt ? toShanghaiIso(article.updatedAt) : published,
      section: channel.name,
      authorUrls: article.authors.map((author) => absoluteUrl(paths.author(locale, author.slug))),
      tags: article.tags.map((tag) => tag.name),
    },
    feeds: await feedLinks(locale, channel),
  });
}

export async function authorMetadata(data: AuthorPage): Promise<Metadata> {
  const { locale, author } = data;
  const number = data.page.page;
  const t = await getTranslations({ locale, namespace: 'Author' });
  const seo = await getTranslations({ locale, namespace: 'Seo' });
  const other = otherLocale(locale);
  return pageMetadata({
    locale,
    path: paths.author(locale, author.slug, number),
    title: number > 1 ? t('pageTitle', { name: author.name, page: number }) : author.name,
    description: author.bio || seo('authorDescription', { name: author.name, site: siteName(locale) }),
    alternates: data.otherLocaleHasPage ? { [other]: paths.author(other, author.slug, number) } : undefined,
    feeds: await feedLinks(locale),
  });
}

/** A fixed page (about, contact, privacy, terms): the same page in both languages, the site's feed. */
export async function fixedPageMetadata(
  locale: Locale,
  page: Exclude<FixedPage, 'cookies'>,
  text: { title: string; description: string },
): Promise<Metadata> {
  return pageMetadata({
    locale,
    path: paths[page](locale),
    ...text,
    alternates: { en: paths[page]('en'), zh: paths[page]('zh') },
    feeds: await feedLinks(locale),
  });
}

export async function aboutMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'About' });
  return fixedPageMetadata(locale, 'about', { title: t('title'), description: t('intro', { site: siteName(locale) }) });
}

export async function contactMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'Contact' });
  return fixedPageMetadata(locale, 'contact', { title: t('title'), description: t('intro') });
}

/** The two policy pages: same shape, their own namespace and description. */
export async function policyMetadata(locale: Locale, policy: Extract<FixedPage, 'privacy' | 'terms'>): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: policy === 'privacy' ? 'Privacy' : 'Terms' });
  const seo = await getTranslations({ locale, namespace: 'Seo' });
  return fixedPageMetadata(locale, policy, {
    title: t('title'),
    description: seo(policy === 'privacy' ? 'privacyDescription' : 'termsDescription', { site: siteName(locale) }),
  });
}

/** Pages no search engine should index (the 404 and 410 pages, cookie settings): title only. */
export async function unindexedMetadata(locale: Locale, namespace: 'NotFound' | 'Withdrawn' | 'Consent', key = 'title'): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace });
  return { title: { absolute: documentTitle(t(key), siteName(locale)) }, robots: { index: false, follow: true } };
}

/**
 * The search page: its title names the words searched (and the page of results), and it is
 * never indexed (results pages are thin and endless), though crawlers may follow its links.
 */
export async function searchMetadata(data: SearchPage): Promise<Metadata> {
  const t = await getTranslations({ locale: data.locale, namespace: 'Search' });
  const { outcome, form } = data;
  const page = outcome.kind === 'results' ? outcome.results.request.page : 1;
  // A refused query (over 200 characters, say) is not repeated in the title.
  const q = outcome.kind === 'refused' ? '' : form.q;
  const title = !q ? t('title') : page > 1 ? t('titleWithQueryPage', { query: q, page }) : t('titleWithQuery', { query: q });
  return { title: { absolute: documentTitle(title, siteName(data.locale)) }, robots: { index: false, follow: true } };
}
