import { adminTranslations } from '@/lib/staff/i18n';
import { STAFF_ROLES } from '@/lib/staff/roles';

/** The roles as a select's options, in order of what they may do. */
export async function RoleOptions() {
  const t = await adminTranslations();
  return STAFF_ROLES.map((role) => (
    <option key={role} value={role}>
      {t(`role.${role}`)}
    </option>
  ));
}
