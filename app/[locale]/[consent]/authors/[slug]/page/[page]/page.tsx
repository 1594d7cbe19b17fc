import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AuthorPageView } from '@/components/author/AuthorPageView';
import { getAuthorPage } from '@/lib/content/pages';
import { resolveLocale } from '@/lib/i18n/server';
import { parsePageNumber } from '@/lib/routing/rules';
import { notFoundMetadata } from '@/lib/seo/metadata';
import { authorMetadata } from '@/lib/seo/page-metadata';

export const revalidate = 300;

export async function generateStaticParams() {
  return [];
}

type Props = PageProps<'/[locale]/[consent]/authors/[slug]/page/[page]'>;

/** Page 2 and beyond, reached through `/{locale}/authors/{slug}?page=N`. */
async function load({ params }: Props) {
  const locale = await resolveLocale(params);
  const { slug, page } = await params;
  const number = parsePageNumber(page);
  return { locale, data: number && number > 1 ? await getAuthorPage({ locale, author: slug, page: number }) : null };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale, data } = await load(props);
  return data ? authorMetadata(data) : notFoundMetadata(locale);
}

export default async function AuthorNthPage(props: Props) {
  const { data } = await load(props);
  if (!data) notFound();
  return <AuthorPageView data={data} />;
}
