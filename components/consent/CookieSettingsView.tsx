import { useTranslations } from 'next-intl';
import type { ConsentChoice } from '@/lib/consent/cookie';
import { fixedPageLanguage } from '@/lib/content/pages';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { PageShell } from '../layout/PageShell';
import { TextPage } from '../pages/TextPage';
import { ConsentSettingsForm } from './ConsentSettingsForm';

/** The cookie settings page: the banner's full form, with the visitor's current choice. */
export function CookieSettingsView({ locale, choice, returnTo }: { locale: Locale; choice: ConsentChoice | null; returnTo: string }) {
  const t = useTranslations('Consent');
  return (
    <PageShell locale={locale} languageTarget={fixedPageLanguage(locale, paths.cookieSettings)}>
      <TextPage title={t('pageTitle')}>
        <p>{t('pageIntro')}</p>
        <ConsentSettingsForm locale={locale} choice={choice} returnTo={returnTo} />
      </TextPage>
    </PageShell>
  );
}
