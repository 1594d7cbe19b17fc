import type { Metadata } from 'next';
import type { Locale } from '../i18n/locales';
import { htmlLang } from '../i18n/locales';
import { site } from '../site';

/**
 * Metadata every page shares: its canonical URL and, where the other language has the same
 * page, the alternates. Issue #3 extends this (OpenGraph, JSON-LD, feeds).
 */
export function pageMetadata(params: {
  locale: Locale;
  path: string;
  title?: string;
  description?: string;
  alternates?: Partial<Record<Locale, string>>;
}): Metadata {
  const languages: Record<string, string> = {};
  for (const [locale, path] of Object.entries(params.alternates ?? {})) {
    languages[htmlLang[locale as Locale]] = `${site.url}${path}`;
  }
  return {
    ...(params.title ? { title: params.title } : {}),
    ...(params.description ? { description: params.description } : {}),
    alternates: {
      canonical: `${site.url}${params.path}`,
      ...(Object.keys(languages).length > 1 ? { languages } : {}),
    },
  };
}
