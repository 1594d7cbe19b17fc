/*
 * The two cache policies of answers that must never be stored. Every API answer that depends
 * on the request (a form post, a count, an error) is `no-store`: a shared cache in front
 * (ops/nginx, a CDN) or the browser must not replay it to someone else. The staff area adds
 * `private`, so that no cache anywhere keeps a reader's message or a session's page.
 */

/** Headers for an answer no cache may keep. */
export const NO_STORE = { 'Cache-Control': 'no-store' } as const;

/** Headers for the staff area's answers: never stored, and never in a shared cache. */
export const PRIVATE_NO_STORE = { 'Cache-Control': 'private, no-store' } as const;
