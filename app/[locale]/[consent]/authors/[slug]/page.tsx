import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AuthorPageView } from '@/components/author/AuthorPageView';
import { getAuthorPage } from '@/lib/content/pages';
import { resolveLocale } from '@/lib/i18n/server';
import { notFoundMetadata } from '@/lib/seo/metadata';
import { authorMetadata } from '@/lib/seo/page-metadata';

export const revalidate = 300;

// Rendered on first request, then cached.
export async function generateStaticParams() {
  return [];
}

type Props = PageProps<'/[locale]/[consent]/authors/[slug]'>;

async function load({ params }: Props) {
  const locale = await resolveLocale(params);
  return { locale, data: await getAuthorPage({ locale, author: (await params).slug, page: 1 }) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, data } = await load(props);
  return data ? authorMetadata(data) : notFoundMetadata(locale);
}

export default async function AuthorPage(props: Props) {
  const { data } = await load(props);
  if (!data) notFound();
  return <AuthorPageView data={data} />;
}
