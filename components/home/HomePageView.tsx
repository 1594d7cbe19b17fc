import { useTranslations } from 'next-intl';
import type { HomePage } from '@/lib/content/pages';
import { homeJsonLd } from '@/lib/seo/json-ld';
import { PageShell } from '../layout/PageShell';
import { JsonLd } from '../seo/JsonLd';
import { HomeView } from './HomeView';

/** The home page: header, lead story, latest, channels, most read, and its structured data. */
export function HomePageView({ data }: { data: HomePage }) {
  const t = useTranslations('Meta');
  return (
    <PageShell locale={data.locale} languageTarget={data.language}>
      <HomeView locale={data.locale} content={data.content} mostRead={data.mostRead} />
      <JsonLd data={homeJsonLd(data.locale, t('siteDescription'))} />
    </PageShell>
  );
}
