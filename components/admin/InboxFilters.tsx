import { adminTranslations } from '@/lib/staff/i18n';
import type { InboxQuery } from '@/lib/staff/inbox';
import { MESSAGE_STATUSES } from '@/lib/staff/inbox-types';
import { adminPaths } from '@/lib/staff/paths';
import { TextField } from './TextField';

/** Search and status filter: a GET form, so every filtered view has its own address. */
export async function InboxFilters({ query }: { query: InboxQuery }) {
  const t = await adminTranslations();
  return (
    <form method="get" action={adminPaths.messages} role="search" className="mt-6 flex flex-wrap items-end gap-4">
      <TextField
        id="q"
        label={t('list.search')}
        hint={t('list.searchHint')}
        type="search"
        defaultValue={query.q}
        maxLength={200}
        className="min-w-64 flex-1"
      />
      <div>
        <label htmlFor="status" className="font-semibold">
          {t('list.status')}
        </label>
        <select id="status" name="status" defaultValue={query.status ?? ''} className="mt-1 block rounded border border-ink-300 px-3 py-2 text-base">
          <option value="">{t('list.allStatuses')}</option>
          {MESSAGE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn-primary mb-7">
        {t('list.apply')}
      </button>
    </form>
  );
}
