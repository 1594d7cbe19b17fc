import type { Metadata } from 'next';
import { resolveLocale } from '@/lib/i18n/server';
import { FallbackPage, fallbackMetadata } from '../fallback-page';

/** Shown with status 404 wherever the proxy finds nothing (it rewrites the request here). */
export const revalidate = 300;

export async function generateMetadata({ params }: PageProps<'/[locale]/[consent]/missing'>): Promise<Metadata> {
  return fallbackMetadata(await resolveLocale(params), 'NotFound');
}

export default async function MissingPage({ params }: PageProps<'/[locale]/[consent]/missing'>) {
  return <FallbackPage locale={await resolveLocale(params)} reason="NotFound" />;
}
