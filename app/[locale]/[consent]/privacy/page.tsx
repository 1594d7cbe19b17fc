import type { Metadata } from 'next';
import { PolicyPageView } from '@/components/pages/PolicyPageView';
import { resolveLocale } from '@/lib/i18n/server';
import { policyMetadata } from '@/lib/seo/page-metadata';

export async function generateMetadata({ params }: PageProps<'/[locale]/[consent]/privacy'>): Promise<Metadata> {
  return policyMetadata(await resolveLocale(params), 'privacy');
}

export default async function PrivacyPage({ params }: PageProps<'/[locale]/[consent]/privacy'>) {
  return <PolicyPageView locale={await resolveLocale(params)} policy="privacy" />;
}
