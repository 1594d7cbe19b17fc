import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageShell } from '@/components/layout/PageShell';
import { PolicyView } from '@/components/pages/PolicyView';
import { listChannels } from '@/lib/content/articles';
import { otherLocale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { resolveLocale } from '@/lib/i18n/server';
import { feedLinks } from '@/lib/seo/feed-links';
import { pageMetadata } from '@/lib/seo/metadata';
import { site, siteName } from '@/lib/site';

export async function generateMetadata({ params }: PageProps<'/[locale]/[consent]/terms'>): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Terms' });
  const seo = await getTranslations({ locale, namespace: 'Seo' });
  return pageMetadata({
    locale,
    path: paths.terms(locale),
    title: t('title'),
    description: seo('termsDescription', { site: siteName(locale) }),
    alternates: { en: paths.terms('en'), zh: paths.terms('zh') },
    feeds: await feedLinks(locale),
  });
}

export default async function TermsPage({ params }: PageProps<'/[locale]/[consent]/terms'>) {
  const locale = await resolveLocale(params);
  const other = otherLocale(locale);
  return (
    <PageShell locale={locale} channels={listChannels(locale)} languageTarget={{ locale: other, href: paths.terms(other), kind: 'page' }}>
      <PolicyView namespace="Terms" updatedAt={site.legalUpdatedAt} />
    </PageShell>
  );
}
