import type { AuthorPage } from '@/lib/content/pages';
import { PageShell } from '../layout/PageShell';
import { AuthorView } from './AuthorView';

export function AuthorPageView({ data }: { data: AuthorPage }) {
  return (
    <PageShell locale={data.locale} languageTarget={data.language}>
      <AuthorView locale={data.locale} author={data.author} page={data.page} />
    </PageShell>
  );
}
