import { useTranslations } from 'next-intl';

/** Numbered pages around the current one, with gaps marked by null. */
export function pageWindow(current: number, total: number, radius = 2): (number | null)[] {
  const pages = new Set<number>([1, total]);
  for (let p = current - radius; p <= current + radius; p++) if (p >= 1 && p <= total) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1]! > 1) out.push(null);
    out.push(p);
  });
  return out;
}

/** Crawlable page links: `?page=N`, previous and next. */
export function Pagination({
  page,
  totalPages,
  hrefFor,
}: {
  page: number;
  totalPages: number;
  hrefFor: (page: number) => string;
}) {
  const t = useTranslations('Pagination');
  if (totalPages <= 1) return null;
  const item = 'inline-flex min-h-11 min-w-11 items-center justify-center rounded px-3 font-semibold';
  return (
    <nav aria-label={t('label')} className="mt-10">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 ? (
          <li>
            <a href={hrefFor(page - 1)} rel="prev" className={`${item} border border-ink-300 hover:bg-ink-50`}>
              {t('previous')}
            </a>
          </li>
        ) : null}
        {pageWindow(page, totalPages).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-ink-600">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                // aria-label is not allowed on a plain span: the spoken text is a hidden span.
                <span aria-current="page" className={`${item} bg-brand-900 text-white`}>
                  <span className="sr-only">{t('current', { page: p })}</span>
                  <span aria-hidden="true">{p}</span>
                </span>
              ) : (
                <a href={hrefFor(p)} aria-label={t('page', { page: p })} className={`${item} hover:bg-ink-50`}>
                  {p}
                </a>
              )}
            </li>
          ),
        )}
        {page < totalPages ? (
          <li>
            <a href={hrefFor(page + 1)} rel="next" className={`${item} border border-ink-300 hover:bg-ink-50`}>
              {t('next')}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
