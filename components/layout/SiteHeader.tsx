import { useTranslations } from 'next-intl';
import type { Channel } from '@/lib/content/types';
import type { Locale } from '@/lib/i18n/locales';
import { type LanguageTarget, paths } from '@/lib/i18n/paths';
import { siteName } from '@/lib/site';
import { HeaderSearch } from '../search/HeaderSearch';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * Site name, search, language switch and the channel list. The channel list wraps onto a second line
 * on phones instead of hiding behind a menu button, so it needs no JavaScript at all.
 */
export function SiteHeader({
  locale,
  channels,
  activeChannel,
  languageTarget,
}: {
  locale: Locale;
  channels: Channel[];
  activeChannel?: string;
  languageTarget: LanguageTarget;
}) {
  const t = useTranslations('Header');
  const name = siteName(locale);
  return (
    <header className="bg-brand-900 text-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-2 px-4 py-3 sm:gap-4">
        {/* break-keep: on the narrowest phones the name wraps at its space, never inside 重庆. */}
        <a
          href={paths.home(locale)}
          aria-label={t('homeLink', { site: name })}
          className="flex min-h-11 min-w-0 items-center break-keep text-2xl font-extrabold tracking-tight sm:text-3xl"
        >
          {name}
        </a>
        {/*
          Fixed tracks: a slow phone paints the header before it has read all of it, and a row
          sized by its content would move the search field each time the next control arrived.
          The site name is 44 px tall from the start for the same reason.
        */}
        <div className="grid shrink-0 grid-cols-[2.75rem_5.5rem] items-center gap-2 sm:grid-cols-[17rem_6rem] sm:gap-3 lg:grid-cols-[22rem_6rem]">
          <HeaderSearch locale={locale} />
          <LanguageSwitch target={languageTarget} />
        </div>
      </div>
      <nav aria-label={t('channelsLabel')} className="border-t border-white/15">
        <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-1 px-2 py-1">
          {channels.map((channel) => {
            const current = channel.slug === activeChannel;
            return (
              <li key={channel.slug}>
                <a
                  href={paths.channel(locale, channel.slug)}
                  aria-current={current ? 'page' : undefined}
                  className={`inline-flex min-h-11 items-center rounded px-3 text-[0.95rem] font-semibold hover:bg-white/10 ${
                    current ? 'underline decoration-accent-300 decoration-2 underline-offset-8' : ''
                  }`}
                >
                  {channel.name}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
    </header>
  );
}
