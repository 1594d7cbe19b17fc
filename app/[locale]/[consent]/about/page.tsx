import type { Metadata } from 'next';
import { AboutPageView } from '@/components/pages/AboutPageView';
import { resolveLocale } from '@/lib/i18n/server';
import { aboutMetadata } from '@/lib/seo/page-metadata';

export async function generateMetadata({ params }: PageProps<'/[locale]/[consent]/about'>): Promise<Metadata> {
  return aboutMetadata(await resolveLocale(params));
}

export default async function AboutPage({ params }: PageProps<'/[locale]/[consent]/about'>) {
  return <AboutPageView locale={await resolveLocale(params)} />;
}
