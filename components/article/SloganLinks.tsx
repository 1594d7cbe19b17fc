import { useTranslations } from 'next-intl';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';

/** The two slogan links at the foot of every article, into the travel and culture channels. */
export function SloganLinks({ locale }: { locale: Locale }) {
  const t = useTranslations('Slogans');
  return (
    <nav aria-label={t('label')} className="mt-10 grid gap-3 sm:grid-cols-2">
      <a
        href={paths.channel(locale, 'travel')}
        className="rounded border-l-4 border-accent-600 bg-ink-50 px-4 py-3 font-semibold text-brand-900 hover:bg-ink-100"
      >
        {t('first')}
      </a>
      <a
        href={paths.channel(locale, 'culture')}
        className="rounded border-l-4 border-brand-700 bg-ink-50 px-4 py-3 font-semibold text-brand-900 hover:bg-ink-100"
      >
        {t('second')}
      </a>
    </nav>
  );
}
