import { useTranslations } from 'next-intl';
import { htmlLang } from '@/lib/i18n/locales';
import type { LanguageTarget } from '@/lib/i18n/paths';


/**
 * The link to the other language. Its text is in the target language (a reader of that
 * language must recognise it), so it carries `lang` and `hrefLang`.
 */
export function LanguageSwitch({ target }: { target: LanguageTarget }) {
  const t = useTranslations('Header');
  const label =
    target.kind === 'translation'
      ? t('languageSwitchLabel')
      : target.kind === 'channel'
        ? t('languageSwitchChannel')
        : target.kind === 'page'
          ? t('languageSwitchPage')
          : t('languageSwitchHome');
  return (
    <a
      href={target.href}
      hrefLang={htmlLang[target.locale]}
      lang={htmlLang[target.locale]}
      aria-label={label}
      title={label}
      className="inline-flex min-h-11 items-center justify-center whitespace-nowrap rounded-full border border-white/70 px-2 text-sm font-semibold text-white hover:bg-white hover:text-brand-900"
    >
      {t('languageSwitch')}
    </a>
  );
}
