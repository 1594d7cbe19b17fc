import type { AuditAction } from '@/lib/staff/audit-actions';
import { adminFormatter, adminTranslations } from '@/lib/staff/i18n';
import { type AuditEntry, auditHref, type AuditQueryParams } from '@/lib/staff/staff-admin';
import { ADMIN_CELL, AdminTable } from './AdminTable';
import { KeysetPagination } from './KeysetPagination';

const control = 'mt-1 block min-h-11 rounded border border-ink-300 px-2';

/** Filter by action and by who: a GET form, so a filtered view is an address to share. */
export async function AuditFilters({
  query,
  actions,
  actors,
}: {
  query: AuditQueryParams;
  actions: readonly AuditAction[];
  actors: { id: number; email: string }[];
}) {
  const t = await adminTranslations();
  return (
    <form method="get" aria-label={t('audit.filters')} className="mt-6 flex flex-wrap items-end gap-4">
      <div>
        <label htmlFor="audit-action" className="font-semibold">{t('audit.action')}</label>
        <select id="audit-action" name="action" defaultValue={query.action ?? ''} className={control}>
          <option value="">{t('audit.anyAction')}</option>
          {actions.map((action) => (
            <option key={action} value={action}>
              {t(`audit.actions.${action}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-actor" className="font-semibold">{t('audit.actor')}</label>
        <select id="audit-actor" name="actor" defaultValue={query.actorId === undefined ? '' : String(query.actorId)} className={control}>
          <option value="">{t('audit.anyActor')}</option>
          {actors.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.email}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="min-h-11 rounded border border-ink-300 px-4 font-semibold hover:bg-ink-50">
        {t('audit.apply')}
      </button>
    </form>
  );
}

/** The entries, newest first; the detail is shown as its JSON text (React escapes it). */
export async function AuditTable({ entries }: { entries: AuditEntry[] }) {
  const t = await adminTranslations();
  const format = await adminFormatter();
  if (entries.length === 0) return <p className="mt-8">{t('audit.empty')}</p>;
  const cell = ADMIN_CELL;
  return (
    <AdminTable
      caption={t('audit.caption')}
      headers={[t('audit.at'), t('audit.actor'), t('audit.action'), t('audit.subject'), t('audit.detail')]}
    >
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td className={`${cell} whitespace-nowrap`}>{format.dateTime(entry.atMs, { dateStyle: 'medium', timeStyle: 'medium' })}</td>
              <td className={`${cell} break-all`}>{entry.actorEmail ?? t('audit.nobody')}</td>
              <th scope="row" className={cell}>{t(`audit.actions.${entry.action}`)}</th>
              <td className={cell}>
                {entry.subjectType ? t('audit.subjectValue', { type: t(`audit.subjects.${entry.subjectType}`), id: entry.subjectId ?? '' }) : null}
              </td>
              <td className={`${cell} break-all font-mono text-xs`}>{Object.keys(entry.detail).length ? JSON.stringify(entry.detail) : null}</td>
            </tr>
          ))}
    </AdminTable>
  );
}

/** Back to the newest entries, or on to older ones (keyset: pages stay put while new entries arrive). */
export async function AuditPagination({ query, older }: { query: AuditQueryParams; older: AuditQueryParams | null }) {
  const t = await adminTranslations();
  return (
    <KeysetPagination
      label={t('audit.pagination')}
      newest={query.before !== undefined ? { href: auditHref({ ...query, before: undefined }), label: t('audit.newest') } : null}
      older={older ? { href: auditHref(older), label: t('audit.older') } : null}
    />
  );
}
