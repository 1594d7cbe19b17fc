import { useTranslations } from 'next-intl';
import type { ConsentChoice } from '@/lib/consent/cookie';
import type { Locale } from '@/lib/i18n/locales';
import { FormattedDate } from '../ui/FormattedDate';
import { ConsentCategories, consentCategoryText } from './ConsentCategories';

/** The cookie settings as a plain form: the current choice, shown; works without JavaScript. */
export function ConsentSettingsForm({
  locale,
  choice,
  returnTo,
}: {
  locale: Locale;
  choice: ConsentChoice | null;
  returnTo: string;
}) {
  const t = useTranslations('Consent');
  const button =
    'inline-flex min-h-11 items-center justify-center rounded-full border-2 border-brand-900 bg-brand-900 px-5 font-semibold text-white hover:bg-brand-700';
  return (
    <form method="post" action="/api/consent" className="mt-6 max-w-3xl">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="return" value={returnTo} />
      <p className="text-ink-700">
        {choice
          ? t.rich('pageDecided', { date: () => <FormattedDate locale={locale} value={new Date(choice.decidedAt).toISOString()} format="withTime" /> })
          : t('pageNoChoice')}
      </p>
      <ConsentCategories
        text={consentCategoryText(t)}
        descriptionId="consent-statistics-body"
        checkbox={
          <input
            type="checkbox"
            name="statistics"
            defaultChecked={choice?.statistics ?? false}
            aria-describedby="consent-statistics-body"
            className="h-5 w-5 accent-brand-900"
          />
        }
      />
      <div className="mt-6 flex flex-wrap gap-3">
        <button type="submit" name="choice" value="save" className={button}>
          {t('save')}
        </button>
        <button type="submit" name="choice" value="accept" className={button}>
          {t('acceptAll')}
        </button>
        <button type="submit" name="choice" value="reject" className={button}>
          {t('rejectAll')}
        </button>
      </div>
    </form>
  );
}
