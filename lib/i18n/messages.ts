import en from '../../messages/en.json';
import zh from '../../messages/zh.json';
import type { Locale } from './locales';

export type Messages = typeof en;

const catalogues: Record<Locale, Messages> = { en, zh };

export function loadMessages(locale: Locale): Messages {
  return catalogues[locale];
}

/** Only the namespaces a client component needs, so pages do not ship every string. */
export function pickMessages<K extends keyof Messages>(locale: Locale, namespaces: readonly K[]): Pick<Messages, K> {
  const all = catalogues[locale];
  return Object.fromEntries(namespaces.map((ns) => [ns, all[ns]])) as Pick<Messages, K>;
}
