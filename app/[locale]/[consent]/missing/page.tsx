import type { Metadata } from 'next';
import { FallbackPageView } from '@/components/pages/FallbackPageView';
import { getFallbackPage } from '@/lib/content/pages';
import { resolveLocale } from '@/lib/i18n/server';
import { unindexedMetadata } from '@/lib/seo/page-metadata';

/** Shown with status 404 wherever the proxy finds nothing (it rewrites the request here). */
export const revalidate = 300;

export async function generateMetadata({ params }: PageProps<'/[locale]/[consent]/missing'>): Promise<Metadata> {
  return unindexedMetadata(await resolveLocale(params), 'NotFound');
}

export default async function MissingPage({ params }: PageProps<'/[locale]/[consent]/missing'>) {
  return <FallbackPageView data={await getFallbackPage(await resolveLocale(params))} reason="NotFound" />;
}
