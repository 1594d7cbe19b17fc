import { render } from '@testing-library/react';
import { NextIntlClientProvider } from 'next-intl';
import type { ReactElement } from 'react';
import { SITE_TIME_ZONE } from '@/lib/time';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

/** Renders a component the way the site does: with the locale's messages and Shanghai time. */
export function renderIn(locale: 'en' | 'zh', ui: ReactElement) {
  return render(
    <NextIntlClientProvider locale={locale} messages={locale === 'en' ? en : zh} timeZone={SITE_TIME_ZONE}>
      {ui}
    </NextIntlClientProvider>,
  );
}
