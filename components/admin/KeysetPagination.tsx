import Link from 'next/link';

/**
 * The staff lists' paging by keyset (the audit log, the articles list): back to the newest, or
 * on to older rows. Pages stay put while rows arrive; there is no page number to jump to.
 */
export function KeysetPagination({
  label,
  newest,
  older,
}: {
  label: string;
  newest: { href: string; label: string } | null;
  older: { href: string; label: string } | null;
}) {
  if (!newest && !older) return null;
  const link = 'inline-flex min-h-11 items-center rounded border border-ink-300 px-4 font-semibold hover:bg-ink-50';
  return (
    <nav aria-label={label} className="mt-6 flex flex-wrap items-center gap-4">
      {newest ? (
        <Link href={newest.href} className={link}>
          {newest.label}
        </Link>
      ) : null}
      {older ? (
        <Link href={older.href} rel="next" className={link}>
          {older.label}
        </Link>
      ) : null}
    </nav>
  );
}
