import { adminTranslations } from '@/lib/staff/i18n';
import { adminPaths } from '@/lib/staff/paths';
import { TextField } from './TextField';

export type LoginNotice = 'invalid' | 'throttled' | 'forbidden' | 'signedOut' | 'accepted';

/** The sign-in form: a plain form post to the sign-in handler, so it works without JavaScript. */
export async function LoginForm({ notice }: { notice?: LoginNotice }) {
  const t = await adminTranslations();
  const isError = notice && notice !== 'signedOut' && notice !== 'accepted';
  return (
    <form method="post" action={adminPaths.signIn} className="mt-6 space-y-5" aria-describedby={notice ? 'login-notice' : undefined}>
      {notice ? (
        <p
          id="login-notice"
          role={isError ? 'alert' : 'status'}
          className={isError ? 'rounded border border-accent-600 bg-ink-50 p-3 text-accent-700' : 'rounded bg-ink-50 p-3'}
        >
          {t(`login.${notice}`)}
        </p>
      ) : null}
      <TextField id="email" label={t('login.email')} type="email" autoComplete="username" required maxLength={254} />
      <TextField
        id="password"
        label={t('login.password')}
        type="password"
        autoComplete="current-password"
        required
        maxLength={1000}
      />
      <button type="submit" className="btn-primary">
        {t('login.submit')}
      </button>
    </form>
  );
}
