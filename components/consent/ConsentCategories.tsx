import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

/**
 * The cookie categories: strictly necessary (always on, explained) and statistics, whose
 * checkbox the caller supplies (controlled in the banner, a plain form field on the settings
 * page). `descriptionId` must be the checkbox's aria-describedby.
 */
export function ConsentCategories({ descriptionId, checkbox }: { descriptionId: string; checkbox: ReactNode }) {
  const t = useTranslations('Consent');
  return (
    <fieldset className="mt-4 max-w-3xl">
      <legend className="sr-only">{t('settingsTitle')}</legend>
      <div className="rounded border border-ink-300 bg-white p-4">
        <p className="font-semibold">
          {t('necessaryTitle')} <span className="font-normal text-ink-700">({t('alwaysOn')})</span>
        </p>
        <p className="mt-1 text-sm text-ink-700">{t('necessaryBody')}</p>
      </div>
      <div className="mt-3 rounded border border-ink-300 bg-white p-4">
        <p className="font-semibold">{t('statisticsTitle')}</p>
        <p className="mt-1 text-sm text-ink-700" id={descriptionId}>
          {t('statisticsBody')}
        </p>
        <label className="mt-3 inline-flex min-h-11 items-center gap-3 font-semibold">
          {checkbox}
          {t('statisticsLabel')}
        </label>
      </div>
    </fieldset>
  );
}
