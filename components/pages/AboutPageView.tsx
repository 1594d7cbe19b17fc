import { useTranslations } from 'next-intl';
import { fixedPageLanguage } from '@/lib/content/pages';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { siteName } from '@/lib/site';
import { PageShell } from '../layout/PageShell';
import { TextPage, TextSection } from './TextPage';

export function AboutPageView({ locale }: { locale: Locale }) {
  const t = useTranslations('About');
  return (
    <PageShell locale={locale} languageTarget={fixedPageLanguage(locale, paths.about)}>
      <TextPage title={t('title')}>
        <p className="text-lg">{t('intro', { site: siteName(locale) })}</p>
        <TextSection title={t('missionTitle')}>
          <p>{t('mission')}</p>
        </TextSection>
        <TextSection title={t('languagesTitle')}>
          <p>{t('languages')}</p>
        </TextSection>
        <TextSection title={t('contactTitle')}>
          <p>
            <a href={paths.contact(locale)} className="text-brand-700 underline underline-offset-2">
              {t('contact')}
            </a>
          </p>
        </TextSection>
      </TextPage>
    </PageShell>
  );
}
