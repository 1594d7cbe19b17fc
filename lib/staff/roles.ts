/**
 * Who may do what in the newsroom (issue 17). The server asks `can` before every action; pages
 * ask it too, only to hide what a role cannot do. The list already names the article actions
 * the editor will need, so those slices add a route, not a rule.
 */

export const STAFF_ROLES = ['reporter', 'editor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const STAFF_LOCALES = ['en', 'zh'] as const;
export type StaffLocale = (typeof STAFF_LOCALES)[number];

export const STAFF_ACTIONS = [
  'inbox.read',
  'article.list',
  'article.create',
  'article.editOwn',
  'article.editAny',
  'article.submit',
  'article.publish',
  'article.schedule',
  'article.withdraw',
  'article.linkTranslation',
  'picture.upload',
  'audit.read',
  'staff.manage',
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/**
 * The lowest role each action needs; roles are ordered, each can do all the one below it can.
 * A reporter writes and submits their own drafts; an editor edits anything and decides what
 * readers see; an admin also manages the staff.
 */
const LOWEST_ROLE: Record<StaffAction, StaffRole> = {
  'inbox.read': 'reporter',
  'article.list': 'reporter',
  'article.create': 'reporter',
  'article.editOwn': 'reporter',
  'article.submit': 'reporter',
  'picture.upload': 'reporter',
  'article.editAny': 'editor',
  'article.publish': 'editor',
  'article.schedule': 'editor',
  'article.withdraw': 'editor',
  'article.linkTranslation': 'editor',
  'audit.read': 'editor',
  'staff.manage': 'admin',
};

export function can(role: StaffRole, action: StaffAction): boolean {
  return STAFF_ROLES.indexOf(role) >= STAFF_ROLES.indexOf(LOWEST_ROLE[action]);
}

export function isStaffRole(value: unknown): value is StaffRole {
  return (STAFF_ROLES as readonly unknown[]).includes(value);
}

/** A signed-in account, as every admin page and handler sees it. */
export interface StaffMember {
  id: number;
  email: string;
  role: StaffRole;
  locale: StaffLocale;
}
