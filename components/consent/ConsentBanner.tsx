import { useTranslations } from 'next-intl';
import { consentCategoryText } from './ConsentCategories';
import { ConsentBannerPanel } from './ConsentBannerPanel.client';

/**
 * The cookie banner: translated here, on the server, and handed to the panel that acts in the
 * browser, so pages ship no translation runtime (docs/decisions/0009-javascript-budget.md).
 */
export function ConsentBanner({
  initiallyOpen,
  siteName,
  privacyHref,
  termsHref,
}: {
  initiallyOpen: boolean;
  siteName: string;
  privacyHref: string;
  termsHref: string;
}) {
  const t = useTranslations('Consent');
  const link = 'font-semibold text-brand-900 underline underline-offset-2';
  return (
    <ConsentBannerPanel
      initiallyOpen={initiallyOpen}
      text={{
        title: t('label', { site: siteName }),
        settingsTitle: t('settingsTitle'),
        intro: t('intro'),
        acceptAll: t('acceptAll'),
        rejectAll: t('rejectAll'),
        settings: t('settings'),
        save: t('save'),
        savedAccepted: t('savedAccepted'),
        savedRejected: t('savedRejected'),
        hide: t('hide'),
        error: t('error'),
        categories: consentCategoryText(t),
      }}
      policies={t.rich('policies', {
        privacy: (chunks) => (
          <a href={privacyHref} className={link}>
            {chunks}
          </a>
        ),
        terms: (chunks) => (
          <a href={termsHref} className={link}>
            {chunks}
          </a>
        ),
      })}
    />
  );
}
