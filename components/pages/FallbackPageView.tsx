import type { FallbackPage } from '@/lib/content/pages';
import { PageShell } from '../layout/PageShell';
import { NotFoundView } from './NotFoundView';

/** The full 404 and 410 pages the proxy rewrites to. */
export function FallbackPageView({ data, reason }: { data: FallbackPage; reason: 'NotFound' | 'Withdrawn' }) {
  return (
    <PageShell locale={data.locale} languageTarget={data.language}>
      <NotFoundView locale={data.locale} latest={data.latest} reason={reason} />
    </PageShell>
  );
}
