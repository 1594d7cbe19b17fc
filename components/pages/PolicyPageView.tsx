import { fixedPageLanguage } from '@/lib/content/pages';
import type { Locale } from '@/lib/i18n/locales';
import { paths } from '@/lib/i18n/paths';
import { site } from '@/lib/site';
import { PageShell } from '../layout/PageShell';
import { PolicyView } from './PolicyView';

/** The privacy statement and the terms of use share one page body. */
export function PolicyPageView({ locale, policy }: { locale: Locale; policy: 'privacy' | 'terms' }) {
  return (
    <PageShell locale={locale} languageTarget={fixedPageLanguage(locale, paths[policy])}>
      <PolicyView namespace={policy === 'privacy' ? 'Privacy' : 'Terms'} updatedAt={site.legalUpdatedAt} />
    </PageShell>
  );
}
