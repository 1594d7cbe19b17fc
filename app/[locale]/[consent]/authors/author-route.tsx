import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AuthorView } from '@/components/author/AuthorView';
import { PageShell } from '@/components/layout/PageShell';
import { listChannels } from '@/lib/content/articles';
import { getAuthorPage } from '@/lib/content/authors';
import type { Locale } from '@/lib/i18n/locales';
import { otherLocale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { feedLinks } from '@/lib/seo/feed-links';
import { notFoundMetadata, pageMetadata } from '@/lib/seo/metadata';
import { siteName } from '@/lib/site';

/*
 * Shared by the two author routes (page 1 at /{locale}/authors/{slug}, later pages behind
 * the proxy's ?page=N rewrite): not a route file itself.
 */

export function authorPageNumber(value: string): number {
  return /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : NaN;
}

export async function authorMetadata(locale: Locale, slug: string, page: number): Promise<Metadata> {
  const data = getAuthorPage(locale, slug, page);
  if (!data) return notFoundMetadata(locale);
  const t = await getTranslations({ locale, namespace: 'Author' });
  const seo = await getTranslations({ locale, namespace: 'Seo' });
  const other = otherLocale(locale);
  const name = data.author.name;
  return pageMetadata({
    locale,
    path: paths.author(locale, slug, page),
    title: page > 1 ? t('pageTitle', { name, page }) : name,
    description: data.author.bio || seo('authorDescription', { name, site: siteName(locale) }),
    alternates: getAuthorPage(other, slug, page) ? { [other]: paths.author(other, slug, page) } : undefined,
    feeds: await feedLinks(locale),
  });
}

export function AuthorRoute({ locale, slug, page }: { locale: Locale; slug: string; page: number }) {
  const data = getAuthorPage(locale, slug, page);
  if (!data) notFound();
  const other = otherLocale(locale);
  const otherHasAuthor = getAuthorPage(other, slug, 1) !== null;
  return (
    <PageShell
      locale={locale}
      channels={listChannels(locale)}
      languageTarget={
        otherHasAuthor
          ? { locale: other, href: paths.author(other, slug), kind: 'page' }
          : { locale: other, href: paths.home(other), kind: 'home' }
      }
    >
      <AuthorView locale={locale} author={data.author} page={data.page} />
    </PageShell>
  );
}
