import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageShell } from '@/components/layout/PageShell';
import { NotFoundView } from '@/components/pages/NotFoundView';
import { listChannels, listLatestArticles } from '@/lib/content/articles';
import type { Locale } from '@/lib/i18n/locales';
import { otherLocale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { documentTitle } from '@/lib/seo/title';
import { siteName } from '@/lib/site';

/*
 * The 404 and 410 pages, shared by the internal routes the proxy rewrites to (missing/,
 * withdrawn/). Not a route file itself.
 */

export type FallbackReason = 'NotFound' | 'Withdrawn';

export async function fallbackMetadata(locale: Locale, reason: FallbackReason): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: reason });
  return { title: { absolute: documentTitle(t('title'), siteName(locale)) }, robots: { index: false, follow: true } };
}

export function FallbackPage({ locale, reason }: { locale: Locale; reason: FallbackReason }) {
  const other = otherLocale(locale);
  return (
    <PageShell
      locale={locale}
      channels={listChannels(locale)}
      languageTarget={{ locale: other, href: paths.home(other), kind: 'home' }}
    >
      <NotFoundView locale={locale} latest={listLatestArticles(locale, 5)} reason={reason} />
    </PageShell>
  );
}
