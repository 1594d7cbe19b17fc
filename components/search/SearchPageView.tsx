import type { SearchPage } from '@/lib/search/page';
import { PageShell } from '../layout/PageShell';
import { SearchView } from './SearchView';

/** The search page: the site's header and footer around the search. */
export function SearchPageView({ data }: { data: SearchPage }) {
  return (
    <PageShell locale={data.locale} languageTarget={data.language}>
      <SearchView data={data} />
    </PageShell>
  );
}
