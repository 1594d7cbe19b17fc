import { locales } from '../i18n/locales';

/*
 * Which HTTP methods each address of the site serves: one table, asked by the production
 * server (server/main.ts answers every other method with 405 and OPTIONS with 204 before
 * Next.js sees the request), by proxy.ts (which pages take a form's POST) and by the route
 * files (`otherMethods`, lib/http/methods.ts, whose exports tests/unit/methods.test.ts checks
 * against this table). HEAD is served wherever GET is, OPTIONS everywhere.
 */

/** The methods a route file can serve. */
export type ServedMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const localePattern = locales.join('|');

/** Pages that take a form's POST (a server action): the contact page, and no other. */
const PAGE_FORMS = new RegExp(`^/(?:${localePattern})/contact$`);

/** Addresses that serve more than GET, or something else; every other address serves GET. */
const ROUTES: readonly [RegExp, readonly ServedMethod[]][] = [
  [PAGE_FORMS, ['GET', 'POST']],
  [/^\/api\/(?:contact|consent|views)$/, ['POST']],
  [/^\/api\/v1\/articles\/[^/]+$/, ['GET', 'PUT', 'DELETE']],
  [/^\/api\/internal\/publish-due$/, ['POST']],
  [/^\/admin\/(?:sign-in|sign-out)$/, ['POST']],
  [/^\/admin\/messages\/[^/]+\/status$/, ['POST']],
  [/^\/admin\/staff\/(?:invite|[^/]+\/(?:role|status)|invitations\/[^/]+\/revoke)$/, ['POST']],
  [/^\/admin\/invite\/[^/]+\/accept$/, ['POST']],
  [/^\/admin\/account\/locale$/, ['POST']],
];

/** A trailing slash is redirected by Next.js to the address without it: same methods. */
function withoutTrailingSlash(pathname: string): string {
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
}

/** What an address serves besides HEAD and OPTIONS: GET unless the table says otherwise. */
export function servedMethods(pathname: string): readonly ServedMethod[] {
  const path = withoutTrailingSlash(pathname);
  return ROUTES.find(([pattern]) => pattern.test(path))?.[1] ?? ['GET'];
}

/** Whether a POST to this address is a page's form (read by Next.js as a server action, not by a route handler). */
export function isPageForm(pathname: string): boolean {
  return PAGE_FORMS.test(withoutTrailingSlash(pathname));
}

/** The methods of an `Allow` header for what `served` lists: HEAD after them where GET is, OPTIONS last. */
export function allowList(served: readonly ServedMethod[]): string[] {
  return [...served, ...(served.includes('GET') ? ['HEAD'] : []), 'OPTIONS'];
}

/** Every method an address answers (for its `Allow` header and the 405 of any other). */
export function allowedMethods(pathname: string): string[] {
  return allowList(servedMethods(pathname));
}
