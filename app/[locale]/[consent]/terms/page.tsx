import type { Metadata } from 'next';
import { PolicyPageView } from '@/components/pages/PolicyPageView';
import { resolveLocale } from '@/lib/i18n/server';
import { policyMetadata } from '@/lib/seo/page-metadata';

export async function generateMetadata({ params }: PageProps<'/[locale]/[consent]/terms'>): Promise<Metadata> {
  return policyMetadata(await resolveLocale(params), 'terms');
}

export default async function TermsPage({ params }: PageProps<'/[locale]/[consent]/terms'>) {
  return <PolicyPageView locale={await resolveLocale(params)} policy="terms" />;
}
