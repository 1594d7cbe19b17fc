import type { Metadata } from 'next';
import { resolveLocale } from '@/lib/i18n/server';
import { FallbackPage, fallbackMetadata } from '../fallback-page';

/** Shown with status 410 at a withdrawn article's address (the proxy rewrites it here). */
export const revalidate = 300;

export async function generateMetadata({ params }: PageProps<'/[locale]/[consent]/withdrawn'>): Promise<Metadata> {
  return fallbackMetadata(await resolveLocale(params), 'Withdrawn');
}

export default async function WithdrawnPage({ params }: PageProps<'/[locale]/[consent]/withdrawn'>) {
  return <FallbackPage locale={await resolveLocale(params)} reason="Withdrawn" />;
}
