import { adminTranslations } from '@/lib/staff/i18n';
import { MIN_PASSWORD_LENGTH } from '@/lib/staff/password';
import { adminPaths } from '@/lib/staff/paths';
import type { StaffRole } from '@/lib/staff/roles';
import type { InviteNotice } from '@/lib/staff/staff-admin';
import { Notice } from './Notice';
import { TextField } from './TextField';

/** The invitee's password, twice: a plain form post, so it works without JavaScript. */
export async function AcceptInvitationForm({ token, email, role, notice }: { token: string; email: string; role: StaffRole; notice: InviteNotice | null }) {
  const t = await adminTranslations();
  return (
    <>
      <p className="mt-4">{t('invite.intro', { role: t(`role.${role}`), email })}</p>
      {notice ? <Notice kind="error">{t(`invite.notice.${notice}`, { min: MIN_PASSWORD_LENGTH })}</Notice> : null}
      <form method="post" action={adminPaths.invitationAccept(token)} className="mt-6 space-y-5">
        <TextField
          id="password"
          label={t('invite.password')}
          hint={t('invite.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          maxLength={1000}
        />
        <TextField id="confirm" label={t('invite.confirm')} type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} maxLength={1000} />
        <button type="submit" className="btn-primary">
          {t('invite.submit')}
        </button>
      </form>
    </>
  );
}
