import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageShell } from '@/components/layout/PageShell';
import { PolicyView } from '@/components/pages/PolicyView';
import { listChannels } from '@/lib/content/articles';
import { otherLocale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { resolveLocale } from '@/lib/i18n/server';
import { pageMetadata } from '@/lib/seo/metadata';
import { site } from '@/lib/site';

export async function generateMetadata({ params }: PageProps<'/[locale]/terms'>): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Terms' });
  return pageMetadata({
    locale,
    path: paths.terms(locale),
    title: t('title'),
    alternates: { en: paths.terms('en'), zh: paths.terms('zh') },
  });
}

export default async function TermsPage({ params }: PageProps<'/[locale]/terms'>) {
  const locale = await resolveLocale(params);
  const other = otherLocale(locale);
  return (
    <PageShell locale={locale} channels={listChannels(locale)} languageTarget={{ locale: other, href: paths.terms(other), kind: 'page' }}>
      <PolicyView namespace="Terms" updatedAt={site.legalUpdatedAt} />
    </PageShell>
  );
}
