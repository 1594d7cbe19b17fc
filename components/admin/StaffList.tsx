import { adminFormatter, adminTranslations } from '@/lib/staff/i18n';
import { adminPaths } from '@/lib/staff/paths';
import type { StaffMember } from '@/lib/staff/roles';
import type { StaffListRow } from '@/lib/staff/staff-admin';
import { ADMIN_CELL, AdminTable } from './AdminTable';
import { RoleOptions } from './RoleOptions';

const button = 'min-h-11 rounded border border-ink-300 px-4 font-semibold hover:bg-ink-50';

/** Every account with its role, status and last sign-in, and the forms that change them (plain posts). */
export async function StaffList({ accounts, self }: { accounts: StaffListRow[]; self: StaffMember }) {
  const t = await adminTranslations();
  const format = await adminFormatter();
  const cell = ADMIN_CELL;
  return (
    <AdminTable
      caption={t('staff.caption', { total: accounts.length })}
      headers={[t('staff.email'), t('staff.role'), t('staff.status'), t('staff.lastSignIn'), t('staff.actions')]}
    >
          {accounts.map((account) => {
            const disabled = account.disabledMs !== null;
            return (
              <tr key={account.id} data-testid={`staff-${account.email}`}>
                <th scope="row" className={`${cell} break-all`}>
                  {account.email} {account.id === self.id ? t('staff.you') : null}
                </th>
                <td className={cell}>{t(`role.${account.role}`)}</td>
                <td className={cell}>{disabled ? t('staff.disabled') : t('staff.active')}</td>
                <td className={`${cell} whitespace-nowrap`}>
                  {account.lastSignInMs === null ? t('staff.never') : format.dateTime(account.lastSignInMs, { dateStyle: 'medium', timeStyle: 'short' })}
                </td>
                <td className={cell}>
                  <div className="flex flex-wrap items-end gap-3">
                    <form method="post" action={adminPaths.staffRole(account.id)} className="flex flex-wrap items-end gap-2">
                      <div>
                        <label htmlFor={`role-${account.id}`} className="block text-xs font-semibold">
                          {t('staff.changeRole', { email: account.email })}
                        </label>
                        <select id={`role-${account.id}`} name="role" defaultValue={account.role} className="mt-1 min-h-11 rounded border border-ink-300 px-2">
                          <RoleOptions />
                        </select>
                      </div>
                      <button type="submit" className={button}>
                        {t('staff.saveRole')}
                      </button>
                    </form>
                    <form method="post" action={adminPaths.staffStatus(account.id)}>
                      <input type="hidden" name="status" value={disabled ? 'active' : 'disabled'} />
                      <button type="submit" className={button} aria-label={`${disabled ? t('staff.enable') : t('staff.disable')}: ${account.email}`}>
                        {disabled ? t('staff.enable') : t('staff.disable')}
                      </button>
                    </form>
                  </div>
                </td>
              </tr>
            );
          })}
    </AdminTable>
  );
}
