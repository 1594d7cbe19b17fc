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

export async function generateMetadata({ params }: PageProps<'/[locale]/[consent]/privacy'>): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'Privacy' });
  const seo = await getTranslations({ locale, namespace: 'Seo' });
  return pageMetadata({
    locale,
    path: paths.privacy(locale),
    title: t('title'),
    description: seo('privacyDescription', { site: siteName(locale) }),
    alternates: { en: paths.privacy('en'), zh: paths.privacy('zh') },
    feeds: await feedLinks(locale),
  });
}

export default async function PrivacyPage({ params }: PageProps<'/[locale]/[consent]/privacy'>) {
  const locale = await resolveLocale(params);
  const other = otherLocale(locale);
  return (
    <PageShell locale={locale} channels={listChannels(locale)} languageTarget={{ locale: other, href: paths.privacy(other), kind: 'page' }}>
      <PolicyView namespace="Privacy" updatedAt={site.legalUpdatedAt} />
    </PageShell>
  );
}
