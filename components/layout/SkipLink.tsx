import { useTranslations } from 'next-intl';

export function SkipLink() {
  const t = useTranslations('Header');
  return (
    <a
      href="#main"
      className="sr-only z-50 rounded bg-white px-4 py-2 font-semibold text-brand-900 focus:not-sr-only focus:fixed focus:left-3 focus:top-3"
    >
      {t('skipLink')}
    </a>
  );
}
