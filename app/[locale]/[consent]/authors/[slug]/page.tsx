import type { Metadata } from 'next';
import { resolveLocale } from '@/lib/i18n/server';
import { AuthorRoute, authorMetadata } from '../author-route';

export const revalidate = 300;

// Rendered on first request, then cached.
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<'/[locale]/[consent]/authors/[slug]'>): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const { slug } = await params;
  return authorMetadata(locale, slug, 1);
}

export default async function AuthorPage({ params }: PageProps<'/[locale]/[consent]/authors/[slug]'>) {
  const locale = await resolveLocale(params);
  const { slug } = await params;
  return <AuthorRoute locale={locale} slug={slug} page={1} />;
}
