import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { htmlLang } from '@/lib/i18n/locales';
import { adminLocale, adminTranslations } from '@/lib/staff/i18n';
import '../globals.css';

/**
 * The staff area's own root layout (the public site's is app/[locale]/layout.tsx): in the
 * signed-in account's language (English signed out), never indexed, never cached (every page
 * reads the session cookie, so all are dynamic).
 */
export async function generateMetadata(): Promise<Metadata> {
  const t = await adminTranslations();
  return {
    title: { default: t('areaTitle'), template: `%s · ${t('areaTitle')}` },
    robots: { index: false, follow: false },
  };
}

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const locale = await adminLocale();
  return (
    <html lang={htmlLang[locale]}>
      <body className="flex min-h-screen flex-col">{children}</body>
    </html>
  );
}
