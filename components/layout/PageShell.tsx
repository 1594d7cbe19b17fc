import type { ReactNode } from 'react';
import type { Channel } from '@/lib/content/types';
import type { Locale } from '@/lib/i18n/locales';
import type { LanguageTarget } from './LanguageSwitch';
import { SiteHeader } from './SiteHeader';

/** Header and main landmark of every page (the footer comes from the layout). */
export function PageShell({
  locale,
  channels,
  activeChannel,
  languageTarget,
  children,
}: {
  locale: Locale;
  channels: Channel[];
  activeChannel?: string;
  languageTarget: LanguageTarget;
  children: ReactNode;
}) {
  return (
    <>
      <SiteHeader locale={locale} channels={channels} activeChannel={activeChannel} languageTarget={languageTarget} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        {children}
      </main>
    </>
  );
}
