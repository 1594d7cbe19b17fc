/** Addresses in the staff area, in one place. */
export const adminPaths = {
  login: '/admin/login',
  signIn: '/admin/sign-in',
  signOut: '/admin/sign-out',
  messages: '/admin/messages',
  csv: '/admin/messages.csv',
  message: (reference: string) => `/admin/messages/${encodeURIComponent(reference)}`,
  messageStatus: (reference: string) => `/admin/messages/${encodeURIComponent(reference)}/status`,
};
