import { adminFormatter, adminTranslations } from '@/lib/staff/i18n';
import { adminPaths } from '@/lib/staff/paths';
import type { StaffInvitation } from '@/lib/staff/staff-admin';
import { ADMIN_CELL, AdminTable } from './AdminTable';
import { RoleOptions } from './RoleOptions';
import { TextField } from './TextField';

/** The invitation form: an address and a role; the handler answers with the link on /admin/staff. */
export async function InviteForm() {
  const t = await adminTranslations();
  return (
    <form method="post" action={adminPaths.staffInvite} className="mt-4 grid gap-4 sm:grid-cols-[1fr_auto_auto] sm:items-end">
      <TextField id="email" label={t('staff.inviteEmail')} type="email" autoComplete="off" required maxLength={254} />
      <div>
        <label htmlFor="invite-role" className="font-semibold">
          {t('staff.inviteRole')}
        </label>
        <select id="invite-role" name="role" defaultValue="reporter" className="mt-1 block min-h-11 rounded border border-ink-300 px-2">
          <RoleOptions />
        </select>
      </div>
      <button type="submit" className="btn-primary">
        {t('staff.inviteSubmit')}
      </button>
    </form>
  );
}

/** The link of the invitation just made: shown once, in a read-only field to select and copy. */
export async function InvitationLink({ email, link }: { email: string; link: string }) {
  const t = await adminTranslations();
  return (
    <section id="invitation" aria-labelledby="invitation-title" className="mt-6 rounded border-2 border-brand-700 p-4">
      <h2 id="invitation-title" className="text-lg font-bold">
        {t('staff.linkTitle', { email })}
      </h2>
      <p id="invitation-hint" className="mt-2">{t('staff.linkHint')}</p>
      <label htmlFor="invitation-link" className="mt-3 block font-semibold">
        {t('staff.linkLabel')}
      </label>
      <input
        id="invitation-link"
        readOnly
        value={link}
        aria-describedby="invitation-hint"
        className="mt-1 block w-full rounded border border-ink-300 px-3 py-2 font-mono text-sm"
      />
    </section>
  );
}

/** Invitations not yet accepted, each with a button that revokes it. */
export async function PendingInvitations({ invitations }: { invitations: StaffInvitation[] }) {
  const t = await adminTranslations();
  const format = await adminFormatter();
  if (invitations.length === 0) return <p className="mt-4">{t('staff.noPending')}</p>;
  const cell = ADMIN_CELL;
  return (
    <AdminTable
      caption={t('staff.pendingCaption', { total: invitations.length })}
      headers={[t('staff.email'), t('staff.role'), t('staff.expires'), t('staff.actions')]}
    >
          {invitations.map((invitation) => (
            <tr key={invitation.id}>
              <th scope="row" className={`${cell} break-all`}>{invitation.email}</th>
              <td className={cell}>{t(`role.${invitation.role}`)}</td>
              <td className={`${cell} whitespace-nowrap`}>{format.dateTime(invitation.expiresMs, { dateStyle: 'medium', timeStyle: 'short' })}</td>
              <td className={cell}>
                <form method="post" action={adminPaths.invitationRevoke(invitation.id)}>
                  <button
                    type="submit"
                    aria-label={t('staff.revoke', { email: invitation.email })}
                    className="min-h-11 rounded border border-ink-300 px-4 font-semibold hover:bg-ink-50"
                  >
                    {t('staff.revokeShort')}
                  </button>
                </form>
              </td>
            </tr>
          ))}
    </AdminTable>
  );
}
