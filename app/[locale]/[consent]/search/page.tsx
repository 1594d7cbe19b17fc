import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SearchPageView } from '@/components/search/SearchPageView';
import { resolveLocale } from '@/lib/i18n/server';
import { getSearchPage } from '@/lib/search/page';
import { notFoundMetadata } from '@/lib/seo/metadata';
import { searchMetadata } from '@/lib/seo/page-metadata';

// Rendered for each request (it reads the query); the proxy has made the address canonical,
// set the status of a refused search (400) and the short shared-cache lifetime.

export async function generateMetadata({ params, searchParams }: PageProps<'/[locale]/[consent]/search'>): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const data = await getSearchPage(locale, await searchParams);
  return data ? searchMetadata(data) : notFoundMetadata(locale);
}

export default async function SearchPage({ params, searchParams }: PageProps<'/[locale]/[consent]/search'>) {
  const locale = await resolveLocale(params);
  const data = await getSearchPage(locale, await searchParams);
  if (!data) notFound();
  return <SearchPageView data={data} />;
}
