import type { Metadata } from 'next';
import { HomePageView } from '@/components/home/HomePageView';
import { getHomePage } from '@/lib/content/pages';
import { resolveLocale } from '@/lib/i18n/server';
import { homeMetadata } from '@/lib/seo/page-metadata';

// Static, refreshed at most a minute after a change (see docs/decisions/0001).
export const revalidate = 60;

export async function generateMetadata({ params }: PageProps<'/[locale]/[consent]'>): Promise<Metadata> {
  return homeMetadata(await resolveLocale(params));
}

export default async function HomePage({ params }: PageProps<'/[locale]/[consent]'>) {
  return <HomePageView data={await getHomePage(await resolveLocale(params))} />;
}
