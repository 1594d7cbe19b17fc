import { adminTranslations } from '@/lib/staff/i18n';
import type { InboxQuery } from '@/lib/staff/inbox';
import { MESSAGE_STATUSES } from '@/lib/staff/inbox-types';
import { adminPaths } from '@/lib/staff/paths';
import { FormField, SelectOptions } from '../ui/FormField';
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
      <FormField id="status" label={t('list.status')}>
        {(control) => (
          <select {...control} name="status" defaultValue={query.status ?? ''} className="mt-1 block rounded border border-ink-300 px-3 py-2 text-base">
            <SelectOptions empty={t('list.allStatuses')} options={MESSAGE_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))} />
          </select>
        )}
      </FormField>
      {/* Hints stand above their control, so the controls and the button share one bottom line. */}
      <button type="submit" className="btn-primary">
        {t('list.apply')}
      </button>
    </form>
  );
}
