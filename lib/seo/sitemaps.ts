import { headlineWithSeries } from '../content/headline';
import {
  ARTICLES_PER_SITEMAP,
  SITEMAP_BATCH_SIZE,
  findArticleSitemapRange,
  getPagesSitemapContent,
  listNewsSitemapArticles,
  newestArticleTime,
  planArticleSitemaps,
  readArticleSitemapBatch,
} from '../content/syndication';
import { toShanghaiIso } from '../time';
import type { SitemapArticle } from '../content/types';
import { feedLanguage, hreflang, type Locale, locales, X_DEFAULT_LOCALE } from '../i18n/locales';
import { paths } from '../i18n/paths';
import { site, siteName } from '../site';
import { absoluteUrl } from './absolute-url';
import { emptyElement, parentElement, textElement, XML_DECLARATION } from './xml';

/*
 * Sitemaps (protocol 0.9): an index, per locale a pages file and article files, and a Google
 * News file. See docs/decisions/0003-feeds-and-sitemaps.md for how they are cached.
 */

const URLSET_OPEN =
  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n';
const NEWS_URLSET_OPEN =
  '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n';
const URLSET_CLOSE = '</urlset>\n';

/** The same page in each language that has it: locale → site path. */
type LanguageVersions = Partial<Record<Locale, string>>;

/** The latest of some times (epoch ms), leaving out unknown ones; null when none is known. */
function latest(...times: (number | null)[]): number | null {
  const known = times.filter((time): time is number => time !== null);
  return known.length > 0 ? Math.max(...known) : null;
}

/**
 * hreflang alternates of one URL, itself included, plus x-default (the English version unless
 * given). None for a page that exists in one language only.
 */
function alternateLinks(versions: LanguageVersions, xDefault?: string): string[] {
  const present = locales.filter((locale) => versions[locale] !== undefined);
  if (present.length < 2) return [];
  const link = (code: string, href: string) => emptyElement('xhtml:link', { rel: 'alternate', hreflang: code, href });
  const links = present.map((locale) => link(hreflang[locale], absoluteUrl(versions[locale]!)));
  const fallback = xDefault ?? versions[X_DEFAULT_LOCALE];
  if (fallback !== undefined) links.push(link('x-default', absoluteUrl(fallback)));
  return links;
}

function urlEntry(params: {
  path: string;
  lastModified?: string | null;
  versions?: LanguageVersions;
  xDefault?: string;
}): string {
  return parentElement('url', [
    textElement('loc', absoluteUrl(params.path)),
    ...(params.lastModified ? [textElement('lastmod', params.lastModified)] : []),
    ...alternateLinks(params.versions ?? {}, params.xDefault),
  ]);
}

const isoOrNull = (ms: number | null) => (ms === null ? null : toShanghaiIso(ms));

/** The same path in every locale. */
const inEveryLocale = (path: (locale: Locale) => string): LanguageVersions =>
  Object.fromEntries(locales.map((locale) => [locale, path(locale)]));

/** The sitemap index: per locale the pages file and the article files, then the news file. */
export async function renderSitemapIndex(now = Date.now()): Promise<string> {
  const legalMs = Date.parse(site.legalUpdatedAt);
  const entries: { path: string; lastModifiedMs: number | null }[] = [];
  const newest: (number | null)[] = [];
  for (const locale of locales) {
    const newestMs = await newestArticleTime(locale, now);
    newest.push(newestMs);
    entries.push({ path: paths.pagesSitemap(locale), lastModifiedMs: latest(newestMs, legalMs) });
    for (const file of await planArticleSitemaps(locale, { now })) {
      entries.push({ path: paths.articleSitemap(locale, file.number), lastModifiedMs: file.lastModifiedMs });
    }
  }
  entries.push({ path: paths.newsSitemap(), lastModifiedMs: latest(...newest) });
  const sitemaps = entries.map((entry) =>
    parentElement('sitemap', [
      textElement('loc', absoluteUrl(entry.path)),
      ...(entry.lastModifiedMs === null ? [] : [textElement('lastmod', toShanghaiIso(entry.lastModifiedMs))]),
    ]),
  );
  return `${XML_DECLARATION}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${sitemaps.join('\n')}\n</sitemapindex>\n`;
}

/** Home, channels, the fixed pages and the authors who have written in this locale. */
export async function renderPagesSitemap(locale: Locale, now = Date.now()): Promise<string> {
  const [{ channels, authors }, newestMs] = await Promise.all([getPagesSitemapContent(locale, now), newestArticleTime(locale, now)]);
  const legal = site.legalUpdatedAt;
  const urls = [
    urlEntry({
      path: paths.home(locale),
      lastModified: isoOrNull(newestMs),
      versions: inEveryLocale(paths.home),
      // The bare origin picks the language from the browser's preferences.
      xDefault: '/',
    }),
    ...channels.map((channel) =>
      urlEntry({
        path: paths.channel(locale, channel.slug),
        lastModified: isoOrNull(channel.newestMs),
        versions: inEveryLocale((l) => paths.channel(l, channel.slug)),
      }),
    ),
    urlEntry({ path: paths.about(locale), versions: inEveryLocale(paths.about) }),
    urlEntry({ path: paths.contact(locale), versions: inEveryLocale(paths.contact) }),
    urlEntry({ path: paths.privacy(locale), lastModified: legal, versions: inEveryLocale(paths.privacy) }),
    urlEntry({ path: paths.terms(locale), lastModified: legal, versions: inEveryLocale(paths.terms) }),
    ...authors.map((author) =>
      urlEntry({
        path: paths.author(locale, author.slug),
        versions: Object.fromEntries(author.locales.map((l) => [l, paths.author(l, author.slug)])),
      }),
    ),
  ];
  return `${XML_DECLARATION}${URLSET_OPEN}${urls.join('\n')}\n${URLSET_CLOSE}`;
}

function articleEntry(article: SitemapArticle): string {
  const path = paths.article(article.locale, article.channel, article.slug);
  const { translation } = article;
  return urlEntry({
    path,
    lastModified: article.lastModified,
    versions: translation
      ? { [article.locale]: path, [translation.locale]: paths.article(translation.locale, translation.channel, translation.slug) }
      : undefined,
  });
}

/**
 * Article sitemap file `number` of a locale as a stream, or null when there is no such file.
 * Memory stays bounded whatever the file size: each pull reads one batch with a keyset query
 * (no cursor stays open between pulls, so other requests can use the connection) and hands
 * it on as one chunk.
 */
export async function streamArticleSitemap(
  locale: Locale,
  number: number,
  options: { now?: number; perFile?: number; batchSize?: number } = {},
): Promise<ReadableStream<Uint8Array> | null> {
  const now = options.now ?? Date.now();
  const limit = options.batchSize ?? SITEMAP_BATCH_SIZE;
  const range = await findArticleSitemapRange(locale, number, { now, perFile: options.perFile ?? ARTICLES_PER_SITEMAP });
  if (!range) return null;
  let batch = await readArticleSitemapBatch(locale, range, range.afterId, { now, limit });
  if (batch.length === 0) return null;
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${XML_DECLARATION}${URLSET_OPEN}`));
    },
    async pull(controller) {
      controller.enqueue(encoder.encode(`${batch.map(articleEntry).join('\n')}\n`));
      batch = await readArticleSitemapBatch(locale, range, batch.at(-1)!.id, { now, limit });
      if (batch.length === 0) {
        controller.enqueue(encoder.encode(URLSET_CLOSE));
        controller.close();
      }
    },
  });
}

/** Google News: both languages' articles of the last 48 hours, newest first. */
export async function renderNewsSitemap(now = Date.now()): Promise<string> {
  const urls = (await listNewsSitemapArticles(now)).map((article) =>
    parentElement('url', [
      textElement('loc', absoluteUrl(paths.article(article.locale, article.channel, article.slug))),
      parentElement('news:news', [
        parentElement('news:publication', [
          textElement('news:name', siteName(article.locale)),
          textElement('news:language', feedLanguage[article.locale]),
        ]),
        textElement('news:publication_date', article.publishedAt),
        textElement('news:title', headlineWithSeries(article)),
      ]),
    ]),
  );
  return `${XML_DECLARATION}${NEWS_URLSET_OPEN}${urls.map((url) => `${url}\n`).join('')}${URLSET_CLOSE}`;
}
