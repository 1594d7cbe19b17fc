import { getRequestConfig } from 'next-intl/server';
import { site } from '../site';
import { defaultLocale, isLocale } from './locales';
import { loadMessages } from './messages';

export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = isLocale(requested) ? requested : defaultLocale;
  return {
    locale,
    messages: loadMessages(locale),
    // Server and browser must agree on dates: always the newsroom's time zone.
    timeZone: site.timeZone,
  };
});
