import Link from 'next/link';
import { adminTranslations } from '@/lib/staff/i18n';
import { adminPaths } from '@/lib/staff/paths';

/** The staff area's top bar: where you are, who is signed in, and a sign-out button (a real form post). */
export async function AdminHeader({ email }: { email?: string }) {
  const t = await adminTranslations();
  return (
    <header className="bg-brand-900 text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <p className="font-semibold">
          {email ? (
            <Link href={adminPaths.messages} className="underline-offset-4 hover:underline">
              {t('siteName')}
            </Link>
          ) : (
            t('siteName')
          )}
        </p>
        {email ? (
          <div className="flex flex-wrap items-center gap-4 text-sm">
            <span>{t('header.signedInAs', { email })}</span>
            <form method="post" action={adminPaths.signOut}>
              <button type="submit" className="min-h-11 rounded border border-white px-4 font-semibold hover:bg-brand-700">
                {t('header.signOut')}
              </button>
            </form>
          </div>
        ) : null}
      </div>
    </header>
  );
}
