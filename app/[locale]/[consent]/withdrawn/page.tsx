import type { Metadata } from 'next';
import { FallbackPageView } from '@/components/pages/FallbackPageView';
import { getFallbackPage } from '@/lib/content/pages';
import { resolveLocale } from '@/lib/i18n/server';
import { unindexedMetadata } from '@/lib/seo/page-metadata';

/** Shown with status 410 at a withdrawn article's address (the proxy rewrites it here). */
export const revalidate = 300;

export async function generateMetadata({ params }: PageProps<'/[locale]/[consent]/withdrawn'>): Promise<Metadata> {
  return unindexedMetadata(await resolveLocale(params), 'Withdrawn');
}

export default async function WithdrawnPage({ params }: PageProps<'/[locale]/[consent]/withdrawn'>) {
  return <FallbackPageView data={await getFallbackPage(await resolveLocale(params))} reason="Withdrawn" />;
}
