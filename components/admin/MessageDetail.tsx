import Link from 'next/link';
import { adminFormatter, adminTranslations } from '@/lib/staff/i18n';
import type { InboxMessage, MessageStatus } from '@/lib/staff/inbox-types';
import { adminPaths } from '@/lib/staff/paths';

const ACTIONS: { status: MessageStatus; label: 'detail.markRead' | 'detail.markReplied' | 'detail.markSpam' }[] = [
  { status: 'read', label: 'detail.markRead' },
  { status: 'replied', label: 'detail.markReplied' },
  { status: 'spam', label: 'detail.markSpam' },
];

/**
 * One message. The reader's text is rendered as text (React escapes it) with its line breaks
 * kept by CSS; it is never parsed as HTML.
 */
export async function MessageDetail({ message }: { message: InboxMessage }) {
  const t = await adminTranslations();
  const format = await adminFormatter();
  const term = 'font-semibold text-ink-700';
  return (
    <article className="mt-6">
      <p>
        <Link href={adminPaths.messages} className="text-brand-700 underline underline-offset-2">
          {t('detail.back')}
        </Link>
      </p>
      <h1 className="mt-4 text-2xl font-bold">{t('detail.title', { reference: message.reference })}</h1>
      <dl className="mt-6 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2">
        <dt className={term}>{t('detail.received')}</dt>
        <dd>{format.dateTime(message.receivedMs, { dateStyle: 'long', timeStyle: 'short' })}</dd>
        <dt className={term}>{t('detail.status')}</dt>
        <dd>{t(`status.${message.status}`)}</dd>
        <dt className={term}>{t('detail.language')}</dt>
        <dd>{t(`locale.${message.locale}`)}</dd>
        <dt className={term}>{t('detail.topic')}</dt>
        <dd>{t(`topic.${message.topic}`)}</dd>
        <dt className={term}>{t('detail.name')}</dt>
        <dd>{message.name}</dd>
        <dt className={term}>{t('detail.email')}</dt>
        <dd>
          <a href={`mailto:${message.email}`} className="text-brand-700 underline underline-offset-2">
            {message.email}
          </a>
        </dd>
      </dl>
      <h2 className="mt-8 text-lg font-bold">{t('detail.message')}</h2>
      <div className="mt-2 whitespace-pre-wrap break-words rounded border border-ink-100 bg-ink-50 p-4" data-testid="message-text">
        {message.message}
      </div>
      <h2 className="mt-8 text-lg font-bold">{t('detail.actions')}</h2>
      <div className="mt-2 flex flex-wrap gap-3">
        {ACTIONS.filter((action) => action.status !== message.status).map((action) => (
          <form key={action.status} method="post" action={adminPaths.messageStatus(message.reference)}>
            <input type="hidden" name="status" value={action.status} />
            <input type="hidden" name="return" value={adminPaths.message(message.reference)} />
            <button type="submit" className="min-h-11 rounded border border-ink-300 px-4 font-semibold hover:bg-ink-50">
              {t(action.label)}
            </button>
          </form>
        ))}
      </div>
    </article>
  );
}
