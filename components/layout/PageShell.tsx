import type { ReactNode } from 'react';
import { listChannels } from '@/lib/content/articles';
import type { Locale } from '@/lib/i18n/locales';
import type { LanguageTarget } from '@/lib/i18n/paths';
import { SiteHeader } from './SiteHeader';

/**
 * Header and main landmark of every page (the footer comes from the layout). The header's
 * channel list is loaded here, once, rather than passed down by every route.
 */
export async function PageShell({
  locale,
  activeChannel,
  languageTarget,
  children,
}: {
  locale: Locale;
  activeChannel?: string;
  languageTarget: LanguageTarget;
  children: ReactNode;
}) {
  return (
    <>
      <SiteHeader locale={locale} channels={await listChannels(locale)} activeChannel={activeChannel} languageTarget={languageTarget} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
    </>
  );
}
