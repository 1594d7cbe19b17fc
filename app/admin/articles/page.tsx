import type { Metadata } from 'next';
import { AdminHeader } from '@/components/admin/AdminHeader';
import { ArticlesFilters, ArticlesPagination, ArticlesTable } from '@/components/admin/ArticlesList';
import { getArticlesListPage, parseArticlesListQuery } from '@/lib/newsroom/articles-list';
import { adminTranslations } from '@/lib/staff/i18n';
import { requireStaffCan } from '@/lib/staff/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await adminTranslations();
  return { title: t('articles.title') };
}

export default async function ArticlesPage({ searchParams }: PageProps<'/admin/articles'>) {
  const staff = await requireStaffCan('article.list');
  const query = parseArticlesListQuery(await searchParams);
  const page = await getArticlesListPage(staff, query, staff.locale);
  const t = await adminTranslations();
  return (
    <>
      <AdminHeader staff={staff} />
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
        <h1 className="text-2xl font-bold">{t('articles.title')}</h1>
        {page.ownDraftsOnly ? <p className="mt-2 text-ink-700">{t('articles.ownDraftsOnly')}</p> : null}
        <ArticlesFilters query={query} page={page} />
        <ArticlesTable rows={page.rows} channels={page.channels} />
        <ArticlesPagination query={query} older={page.older} />
      </main>
    </>
  );
}
