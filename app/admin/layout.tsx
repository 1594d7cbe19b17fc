import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { adminTranslations } from '@/lib/staff/i18n';
import '../globals.css';

/**
 * The staff area's own root layout (the public site's is app/[locale]/layout.tsx): English,
 * never indexed, never cached (every page reads the session cookie, so all are dynamic).
 */
export async function generateMetadata(): Promise<Metadata> {
  const t = await adminTranslations();
  return {
    title: { default: t('areaTitle'), template: `%s · ${t('areaTitle')}` },
    robots: { index: false, follow: false },
  };
}

export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">{children}</body>
    </html>
  );
}
