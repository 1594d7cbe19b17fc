/**
 * What the audit log records (issue 17 item 7). One typed list, so a reader of the log can
 * filter by any of them and a writer cannot misspell one. The article actions are written by
 * the editor's slices; they are named here so the log's page lists them already.
 */
export const AUDIT_ACTIONS = [
  'staff.signIn',
  'staff.signInFailed',
  'staff.signOut',
  'staff.invite',
  'staff.inviteAccepted',
  'staff.inviteRevoked',
  'staff.roleChange',
  'staff.disable',
  'staff.enable',
  'staff.localeChange',
  'article.create',
  'article.save',
  'article.submit',
  'article.publish',
  'article.schedule',
  'article.withdraw',
  'article.slugChange',
  'article.linkTranslation',
  'article.restoreRevision',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditSubjectType = 'staff' | 'invitation' | 'article';

export function isAuditAction(value: unknown): value is AuditAction {
  return (AUDIT_ACTIONS as readonly unknown[]).includes(value);
}
