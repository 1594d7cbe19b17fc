import { adminTranslations } from '@/lib/staff/i18n';
import { adminPaths } from '@/lib/staff/paths';
import { STAFF_LOCALES, type StaffMember } from '@/lib/staff/roles';

/** Who is signed in, and the staff area's language for this account (a plain form post). */
export async function AccountForm({ staff }: { staff: StaffMember }) {
  const t = await adminTranslations();
  const term = 'font-semibold text-ink-700';
  return (
    <>
      <dl className="mt-6 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        <dt className={term}>{t('account.email')}</dt>
        <dd className="break-all">{staff.email}</dd>
        <dt className={term}>{t('account.role')}</dt>
        <dd>{t(`role.${staff.role}`)}</dd>
      </dl>
      <form method="post" action={adminPaths.accountLocale} className="mt-8 space-y-4">
        <input type="hidden" name="return" value={adminPaths.account} />
        <fieldset>
          <legend className="font-semibold">{t('account.language')}</legend>
          {STAFF_LOCALES.map((locale) => (
            <div key={locale} className="mt-2 flex items-center gap-3">
              <input
                type="radio"
                id={`locale-${locale}`}
                name="locale"
                value={locale}
                defaultChecked={staff.locale === locale}
                className="size-5"
              />
              {/* Each language named in itself, so either reader finds their own. */}
              <label htmlFor={`locale-${locale}`} lang={locale === 'zh' ? 'zh-Hans' : 'en'}>
                {locale === 'zh' ? '中文' : 'English'}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="btn-primary">
          {t('account.save')}
        </button>
      </form>
    </>
  );
}
