import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { resolveLocale } from '@/lib/i18n/server';
import { AuthorRoute, authorMetadata, authorPageNumber } from '../../../author-route';

export const revalidate = 300;

export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: PageProps<'/[locale]/[consent]/authors/[slug]/page/[page]'>): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const { slug, page } = await params;
  return authorMetadata(locale, slug, authorPageNumber(page));
}

/** Page 2 and beyond, reached through `/{locale}/authors/{slug}?page=N`. */
export default async function AuthorNthPage({ params }: PageProps<'/[locale]/[consent]/authors/[slug]/page/[page]'>) {
  const locale = await resolveLocale(params);
  const { slug, page } = await params;
  const n = authorPageNumber(page);
  if (n === 1) notFound();
  return <AuthorRoute locale={locale} slug={slug} page={n} />;
}
