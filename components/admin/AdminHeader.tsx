import Link from 'next/link';
import { adminTranslations } from '@/lib/staff/i18n';
import { adminPaths } from '@/lib/staff/paths';
import { can, type StaffMember } from '@/lib/staff/roles';

/**
 * The staff area's top bar: where you are, the sections this account's role may open (the
 * server refuses the rest anyway), who is signed in, and a sign-out button (a real form post).
 */
export async function AdminHeader({ staff }: { staff?: StaffMember }) {
  const t = await adminTranslations();
  const link = 'inline-flex min-h-11 items-center underline-offset-4 hover:underline';
  const sections = staff
    ? [
        { href: adminPaths.messages, label: t('nav.messages'), shown: can(staff.role, 'inbox.read') },
        { href: adminPaths.articles, label: t('nav.articles'), shown: can(staff.role, 'article.list') },
        { href: adminPaths.audit, label: t('nav.audit'), shown: can(staff.role, 'audit.read') },
        { href: adminPaths.staff, label: t('nav.staff'), shown: can(staff.role, 'staff.manage') },
        { href: adminPaths.account, label: t('nav.account'), shown: true },
      ].filter((section) => section.shown)
    : [];
  return (
    <header className="bg-brand-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <p className="font-semibold">
          {staff ? (
            <Link href={adminPaths.messages} className="underline-offset-4 hover:underline">
              {t('siteName')}
            </Link>
          ) : (
            t('siteName')
          )}
        </p>
        {staff ? (
          <>
            <nav aria-label={t('nav.label')}>
              <ul className="flex flex-wrap gap-x-5">
                {sections.map((section) => (
                  <li key={section.href}>
                    <Link href={section.href} className={link}>
                      {section.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <div className="flex flex-wrap items-center gap-4 text-sm">
              <span>
                {t('header.signedInAs', { email: staff.email })} · {t(`role.${staff.role}`)}
              </span>
              <form method="post" action={adminPaths.signOut}>
                <button type="submit" className="min-h-11 rounded border border-white px-4 font-semibold hover:bg-brand-700">
                  {t('header.signOut')}
                </button>
              </form>
            </div>
          </>
        ) : null}
      </div>
    </header>
  );
}
