import Link from 'next/link';
import { adminFormatter, adminTranslations } from '@/lib/staff/i18n';
import type { InboxMessage } from '@/lib/staff/inbox-types';
import { adminPaths } from '@/lib/staff/paths';

const EXCERPT_LENGTH = 120;

/** The inbox as a table: one row per message, the reference links to its detail page. */
export async function InboxTable({ items, total }: { items: InboxMessage[]; total: number }) {
  const t = await adminTranslations();
  const format = await adminFormatter();
  if (items.length === 0) return <p className="mt-8">{t('list.empty')}</p>;
  const cell = 'border-b border-ink-100 px-3 py-2 align-top';
  return (
    <div className="mt-8 overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="mb-2 text-left font-semibold">{t('list.caption', { total })}</caption>
        <thead>
          <tr className="bg-ink-50">
            <th scope="col" className={cell}>{t('list.reference')}</th>
            <th scope="col" className={cell}>{t('list.received')}</th>
            <th scope="col" className={cell}>{t('list.status')}</th>
            <th scope="col" className={cell}>{t('list.topic')}</th>
            <th scope="col" className={cell}>{t('list.name')}</th>
            <th scope="col" className={cell}>{t('list.email')}</th>
            <th scope="col" className={cell}>{t('list.excerpt')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((message) => (
            <tr key={message.id} className={message.status === 'new' ? 'font-semibold' : undefined}>
              <th scope="row" className={cell}>
                <Link href={adminPaths.message(message.reference)} className="text-brand-700 underline underline-offset-2">
                  {message.reference}
                </Link>
              </th>
              <td className={`${cell} whitespace-nowrap`}>
                {format.dateTime(message.receivedMs, { dateStyle: 'medium', timeStyle: 'short' })}
              </td>
              <td className={cell}>{t(`status.${message.status}`)}</td>
              <td className={cell}>{t(`topic.${message.topic}`)}</td>
              <td className={cell}>{message.name}</td>
              <td className={cell}>{message.email}</td>
              <td className={`${cell} whitespace-pre-wrap break-words`}>
                {message.message.length > EXCERPT_LENGTH ? `${message.message.slice(0, EXCERPT_LENGTH)}…` : message.message}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
